import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useFlow } from '../flow/useFlow.js';
import { useMatterName } from '../guide/useMatterName.js';
import type { StepView } from '../stores/flow.js';
import { FailurePanel } from '../steps/FailurePanel.js';
import { stepComponents } from '../steps/index.js';
import type { StepProps } from '../steps/types.js';

/**
 * Every journey's one screen: the core's flow state decides which step shows; this only renders it. Back goes to
 * the previous step the core allows, or leaves the journey from its first step.
 */
export function FlowScreen() {
  const { t } = useTranslation();
  const { state, answer, act, leave, errorKey } = useFlow();
  // the matter's name in the session's language where the platform translated it
  const matterName = useMatterName(state?.matter ?? null);
  if (!state) return null;
  const title = matterName ?? t(`flow.title.${state.flowId}`);
  // while an application is being handed over, leaving would cost the resident its receipt and local reference
  const handingOver = state.view.step === 'applySubmitting';
  const Step = stepComponents[state.view.step] as (p: StepProps<StepView['step']>) => React.JSX.Element;
  return (
    <ScreenFrame
      testId="flow"
      data-flow={state.flowId}
      title={title}
      showBack={!handingOver}
      canExit={!handingOver}
      onBack={() => (state.canBack && state.status !== 'working' ? act('back') : leave())}
      above={
        <p className="muted flow-position" data-testid="flow-position">
          {t('flow.position', { position: state.position, count: state.count })}
        </p>
      }
    >
      <div className="flow" data-testid="flow-step" data-step={state.stepId} data-status={state.status} data-view={state.view.step}>
        {state.status === 'failed' && state.failure ? (
          <FailurePanel failure={state.failure} onAction={act} />
        ) : (
          <Step key={`${state.stepId}-${state.view.step}`} state={state} view={state.view} answer={answer} />
        )}
        {errorKey && (
          <p role="alert" data-testid="flow-call-error">
            {t(errorKey)}
          </p>
        )}
      </div>
    </ScreenFrame>
  );
}
