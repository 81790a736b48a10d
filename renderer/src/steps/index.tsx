import type { ComponentType } from 'react';
import type { StepView } from '../stores/flow.js';
import { ApplyCommitmentStep } from './ApplyCommitmentStep.js';
import { ApplyFormStep } from './ApplyFormStep.js';
import { ApplyGuideStep } from './ApplyGuideStep.js';
import { ApplyLicencesStep } from './ApplyLicencesStep.js';
import { ApplyReadinessStep } from './ApplyReadinessStep.js';
import { ApplyReceiptStep } from './ApplyReceiptStep.js';
import { ApplyReviewStep } from './ApplyReviewStep.js';
import { ApplySubmittingStep } from './ApplySubmittingStep.js';
import { CaseDetailStep } from './CaseDetailStep.js';
import { CaseListStep } from './CaseListStep.js';
import { CopiesStep } from './CopiesStep.js';
import { DoneStep } from './DoneStep.js';
import { EvaluateStep } from './EvaluateStep.js';
import { HeldApplicationStep } from './HeldApplicationStep.js';
import { MaterialsStep } from './MaterialsStep.js';
import { IdentifyFlowStep } from './IdentifyFlowStep.js';
import { PayAwaitStep } from './PayAwaitStep.js';
import { PayConfirmStep } from './PayConfirmStep.js';
import { PayNoticeStep } from './PayNoticeStep.js';
import { PayPaidStep } from './PayPaidStep.js';
import { PayWaitingStep } from './PayWaitingStep.js';
import { PreviewStep } from './PreviewStep.js';
import { ProgressIdentifyStep } from './ProgressIdentifyStep.js';
import { PrintingStep, WorkingStep } from './ProgressSteps.js';
import { TakeDocumentStep } from './TakeDocumentStep.js';
import type { StepProps } from './types.js';

/** The component for each step view the core can push; adding a step adds one line here. */
export const stepComponents: { [S in StepView['step']]: ComponentType<StepProps<S>> } = {
  working: WorkingStep,
  identify: IdentifyFlowStep,
  preview: PreviewStep,
  copies: CopiesStep,
  printing: PrintingStep,
  takeDocument: TakeDocumentStep,
  evaluate: EvaluateStep,
  done: DoneStep,
  progressIdentify: ProgressIdentifyStep,
  caseList: CaseListStep,
  caseDetail: CaseDetailStep,
  heldApplication: HeldApplicationStep,
  payNotice: PayNoticeStep,
  payConfirm: PayConfirmStep,
  payAwait: PayAwaitStep,
  payWaiting: PayWaitingStep,
  payPaid: PayPaidStep,
  materials: MaterialsStep,
  applyGuide: ApplyGuideStep,
  applyReadiness: ApplyReadinessStep,
  applyLicences: ApplyLicencesStep,
  applyForm: ApplyFormStep,
  applyReview: ApplyReviewStep,
  applyCommitment: ApplyCommitmentStep,
  applySubmitting: ApplySubmittingStep,
  applyReceipt: ApplyReceiptStep,
};
