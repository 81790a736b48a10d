import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';

/** GB/T 2260 tree: parent code → { code: name }; "86" holds the provinces (china-area-data, loaded when first needed). */
type Tree = Record<string, Record<string, string>>;
let loading: Promise<Tree> | null = null;
const loadTree = () => (loading ??= import('china-area-data/data.json').then((m) => (m as { default: Tree }).default));

/** Children that are GB/T 2260 codes (the towns under 东莞市 carry 9-digit codes and are not chosen here). */
const childrenOf = (tree: Tree, code: string) => Object.entries(tree[code] ?? {}).filter(([c]) => c.length === 6);

const nameOf = (tree: Tree, code: string) =>
  tree['86']?.[code] ?? tree[`${code.slice(0, 2)}0000`]?.[code] ?? tree[`${code.slice(0, 4)}00`]?.[code] ?? '';

/**
 * Province → city → district, one list at a time, big buttons; a city whose only child is 市辖区 skips that level.
 * Reports the chosen district's code (or a city's, where the city has no districts).
 */
export function RegionPicker({
  value,
  onChange,
  label,
}: {
  value: string | null;
  onChange: (code: string, name: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [tree, setTree] = useState<Tree | null>(null);
  const [path, setPath] = useState<string[]>(value ? [] : ['86']);
  useEffect(() => void loadTree().then(setTree), []);
  if (!tree) return null;
  const here = path[path.length - 1];
  const open = (code: string) => {
    let kids = childrenOf(tree, code);
    // 上海市 → 市辖区 → districts: go through the one-child level
    while (kids.length === 1 && childrenOf(tree, kids[0]![0]).length > 0) {
      code = kids[0]![0];
      kids = childrenOf(tree, code);
    }
    if (kids.length === 0) {
      const names = [...path.slice(1), code].map((c) => nameOf(tree, c)).filter((n) => n && n !== '市辖区' && n !== '县');
      onChange(code, [...new Set(names)].join(' '));
      setPath([]);
    } else setPath([...path, code]);
  };
  if (!here)
    return (
      <Button data-testid="region-change" aria-label={`${label}，${t('apply.form.region.change')}`} onClick={() => setPath(['86'])}>
        {t('apply.form.region.change')}
      </Button>
    );
  return (
    <div className="region-picker" role="group" aria-label={t('apply.form.region.choose')} data-testid="region-picker">
      {path.length > 1 && (
        <Button data-testid="region-up" onClick={() => setPath(path.slice(0, -1))}>
          {t('apply.form.region.up')}
        </Button>
      )}
      <div className="region-options">
        {childrenOf(tree, here).map(([code, name]) => (
          <Button key={code} data-testid={`region-${code}`} onClick={() => open(code)}>
            {name}
          </Button>
        ))}
      </div>
    </div>
  );
}
