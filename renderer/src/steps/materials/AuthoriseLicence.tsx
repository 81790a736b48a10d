import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';

/** The explicit on-screen authorisation before an e-licence stands in for a material (recorded by the core). */
export function AuthoriseLicence({
  licence,
  material,
  onAuthorise,
  onCancel,
}: {
  licence: string;
  material: string;
  onAuthorise: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog id="authorise" title={t('materials.licence.authoriseTitle')} testId="licence-authorise">
      <p>{t('materials.licence.authoriseText', { name: licence, material })}</p>
      <div className="actions">
        <Button data-testid="licence-authorise-cancel" autoFocus onClick={onCancel}>
          {t('materials.camera.cancel')}
        </Button>
        <Button variant="primary" data-testid="licence-authorise-yes" onClick={onAuthorise}>
          {t('materials.licence.authorise')}
        </Button>
      </div>
    </Dialog>
  );
}
