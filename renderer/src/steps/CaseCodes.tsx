import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The case number and 查询码, large: what the resident needs to follow the case. `testId` prefixes the values' test
 * ids (`<testId>-case-number`, `<testId>-query-code`); `children` adds rows below them.
 */
export function CaseCodes({
  caseNumber,
  queryCode,
  testId,
  children,
}: {
  caseNumber: string | null;
  queryCode: string | null;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <dl className="apply-case">
      <dt>{t('progress.caseNumber')}</dt>
      <dd className="big" data-testid={`${testId}-case-number`}>
        {caseNumber}
      </dd>
      <dt>{t('progress.queryCode')}</dt>
      <dd className="big" data-testid={`${testId}-query-code`}>
        {queryCode}
      </dd>
      {children}
    </dl>
  );
}
