import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { FrameActions, FrameDock } from '../components/ScreenFrame.js';
import { errorText, prefilledLabel, shownText, type ApplyField } from './apply-text.js';
import { DigitPad } from './DigitPad.js';
import { RegionPicker } from './RegionPicker.js';
import type { StepProps } from './types.js';

type Value = string | number | boolean;
const typed = (f: ApplyField) => !['checkbox', 'select', 'region'].includes(f.type);
const asked = (f: ApplyField) => f.prefilled === null;

/** 2026-01-31 as the digits come: the hyphens are put in for the resident. */
const asDate = (digits: string) =>
  digits
    .replace(/\D/g, '')
    .slice(0, 8)
    .replace(/^(\d{4})(\d)/, '$1-$2')
    .replace(/^(\d{4}-\d{2})(\d)/, '$1-$2');

/**
 * One group of the form per screen. Prefilled values are shown with where they came from and are not asked; each
 * field the resident fills opens the keyboard its kind needs (Chinese by pinyin or handwriting, letters and digits,
 * digits only); choices are big buttons, regions a province → city → district picker. Messages from the core sit
 * under their field.
 */
export function ApplyFormStep(props: StepProps<'applyForm'>) {
  // a new group starts fresh (its values, the field with the keyboard); messages for the same group keep what was typed
  return <FormGroup key={props.view.group.id} {...props} />;
}

function FormGroup({ view, answer }: StepProps<'applyForm'>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, Value>>(() =>
    Object.fromEntries(view.fields.filter((f) => asked(f) && f.value !== null).map((f) => [f.id, f.value as Value])),
  );
  const [retyping, setRetyping] = useState<string[]>([]);
  const [regionNames, setRegionNames] = useState<Record<string, string>>({});
  const firstOpen = view.fields.find((f) => asked(f) && typed(f) && (f.error || f.value === null) && f.shown === null);
  const [active, setActive] = useState<string | null>(firstOpen?.id ?? null);
  const activeField = view.fields.find((f) => f.id === active) ?? null;
  const section = useRef<HTMLElement>(null);
  // the field being typed into stays in view: the docked keyboard takes most of a short screen, and the content
  // area shrinks when it opens or the screen changes size
  useEffect(() => {
    const field = section.current?.querySelector('input[aria-current="true"]')?.closest('.apply-field');
    const area = section.current?.closest('.scroll-area');
    if (!field || !area) return;
    const keep = () => field.scrollIntoView({ block: 'nearest' });
    const observer = new ResizeObserver(keep);
    observer.observe(area);
    return () => observer.disconnect();
  }, [active]);
  const set = (id: string, v: Value) => setValues((old) => ({ ...old, [id]: v }));
  const text = (id: string) => String(values[id] ?? '');

  const edit = (f: ApplyField, change: (v: string) => string) => {
    let next = change(text(f.id));
    if (f.type === 'date') next = asDate(next);
    if (f.maxLength !== null) next = [...next].slice(0, f.maxLength).join('');
    set(f.id, next);
  };
  const submit = () => {
    const out: Record<string, Value> = {};
    for (const f of view.fields.filter(asked)) {
      // an ID number shown masked and not typed again keeps what the core has
      if (f.type === 'idNumber' && f.shown !== null && !retyping.includes(f.id)) continue;
      out[f.id] = values[f.id] ?? (f.type === 'checkbox' ? false : '');
    }
    answer({ values: out });
  };

  return (
    <section ref={section} className="panel apply apply-form" data-testid="apply-form" data-group={view.group.id}>
      <p className="muted">{t('apply.form.group', { index: view.group.index, count: view.group.count })}</p>
      <h2>{view.group.title}</h2>
      {/* what is asked comes first; what the card or a licence gave follows, compact, under its own heading */}
      {[...view.fields.filter(asked), ...view.fields.filter((f) => !asked(f))].map((f, i, all) => {
        const error = errorText(t, f.error);
        const from = prefilledLabel(t, f);
        const firstPrefilled = from !== null && (i === 0 || asked(all[i - 1]!));
        return (
          <div
            className={from ? 'apply-field prefilled' : 'apply-field'}
            key={f.id}
            data-testid={`field-${f.id}`}
            data-prefilled={f.prefilled ?? 'no'}
          >
            {firstPrefilled && <h3 className="apply-prefilled-title">{t('apply.form.prefilledTitle')}</h3>}
            <span className="apply-label" id={`label-${f.id}`}>
              {f.label}
              <span className="muted"> {from ?? (f.required ? t('apply.form.required') : t('apply.form.optional'))}</span>
            </span>
            {from ? (
              <span className="apply-value" data-testid={`value-${f.id}`}>
                {shownText(t, f)}
              </span>
            ) : f.type === 'checkbox' ? (
              <Button
                role="checkbox"
                aria-checked={values[f.id] === true}
                aria-label={`${f.label}：${values[f.id] === true ? t('apply.form.yes') : t('apply.form.no')}`}
                data-testid={`input-${f.id}`}
                onClick={() => set(f.id, values[f.id] !== true)}
              >
                {values[f.id] === true ? `☑ ${t('apply.form.yes')}` : `☐ ${t('apply.form.no')}`}
              </Button>
            ) : f.type === 'select' ? (
              <div className="levels" role="radiogroup" aria-labelledby={`label-${f.id}`}>
                {(f.options ?? []).map((o) => (
                  <Button
                    key={o.value}
                    role="radio"
                    aria-checked={values[f.id] === o.value}
                    aria-label={`${f.label}：${o.label}`}
                    data-testid={`option-${f.id}-${o.value}`}
                    onClick={() => set(f.id, o.value)}
                  >
                    {o.label}
                  </Button>
                ))}
              </div>
            ) : f.type === 'region' ? (
              <>
                {values[f.id] !== undefined && (
                  <span className="apply-value" data-testid={`value-${f.id}`}>
                    {regionNames[f.id] ?? f.shown ?? String(values[f.id])}
                  </span>
                )}
                <RegionPicker
                  value={(values[f.id] as string | undefined) ?? null}
                  label={f.label}
                  onChange={(code, name) => {
                    set(f.id, code);
                    setRegionNames((old) => ({ ...old, [f.id]: name }));
                  }}
                />
              </>
            ) : f.type === 'idNumber' && f.shown !== null && !retyping.includes(f.id) ? (
              <span className="apply-value">
                {f.shown}{' '}
                <Button
                  data-testid={`retype-${f.id}`}
                  onClick={() => {
                    setRetyping([...retyping, f.id]);
                    set(f.id, '');
                    setActive(f.id);
                  }}
                >
                  {t('apply.form.retype')}
                </Button>
              </span>
            ) : (
              <input
                className="search-input"
                data-testid={`input-${f.id}`}
                aria-label={f.label}
                aria-current={active === f.id}
                aria-invalid={error !== null}
                value={text(f.id)}
                placeholder={f.type === 'date' ? t('apply.form.dateHint') : undefined}
                dir="auto"
                readOnly
                inputMode="none"
                onFocus={() => setActive(f.id)}
                onClick={() => setActive(f.id)}
              />
            )}
            {f.help && <span className="muted">{f.help}</span>}
            {error && (
              <span className="error" role="alert" data-testid={`error-${f.id}`}>
                {error}
              </span>
            )}
          </div>
        );
      })}
      {activeField && (
        <FrameDock>
          {activeField.input === 'digits' ||
          activeField.type === 'date' ||
          activeField.type === 'phone' ||
          activeField.type === 'number' ? (
            <DigitPad
              extra={activeField.type === 'number' ? '.' : undefined}
              onKey={(k) => edit(activeField, (v) => v + k)}
              onBackspace={() => edit(activeField, (v) => [...v].slice(0, -1).join(''))}
              onClear={() => edit(activeField, () => '')}
            />
          ) : (
            <OnScreenKeyboard
              key={activeField.id}
              onKey={(k) => edit(activeField, (v) => v + (activeField.type === 'idNumber' ? k.toUpperCase() : k))}
              onBackspace={() => edit(activeField, (v) => [...v].slice(0, -1).join(''))}
              onClear={() => edit(activeField, () => '')}
              chinese={
                activeField.input === 'chinese'
                  ? { value: text(activeField.id), onChange: (v) => edit(activeField, () => v), maxLength: activeField.maxLength ?? 200 }
                  : undefined
              }
            />
          )}
        </FrameDock>
      )}
      <FrameActions>
        {view.canPrevious && (
          <Button data-testid="form-previous" onClick={() => answer({ previous: true })}>
            {t('apply.form.previous')}
          </Button>
        )}
        <Button variant="primary" data-testid="form-next" onClick={submit}>
          {view.editing ? t('apply.form.backToReview') : t('apply.form.next')}
        </Button>
      </FrameActions>
    </section>
  );
}
