/**
 * What every fact-editing dialog does on 保存: nothing when nothing changed, otherwise write the
 * facts (with the reviewer's reason for an override), say so — and when a more trusted source
 * still stands over what the firm wrote, that its value is kept as its claim — and close; or put the API's
 * complaints beside the fields they name and keep the dialog open.
 */
import { App, Form } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { labelOfPath, useFactCatalog } from '../evaluation/index.ts';
import { useWriteFacts, type ProfileMode } from './data.ts';
import { showErrors, type NamePath } from './errors.ts';

export interface FactDialogOptions {
  uscc: string;
  mode: ProfileMode;
  onClose: () => void;
  onSaved?: () => void;
}

export function useFactDialog({ uscc, mode, onClose, onSaved }: FactDialogOptions) {
  const i18n = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const write = useWriteFacts(uscc);
  const catalog = useFactCatalog();
  const [error, setError] = useState<string | null>(null);

  /**
   * `facts` null means unchanged. `place` maps an API field (`years.2025.revenue`) to a form field;
   * `reason` is always placed on the reason field.
   */
  const save = async (
    facts: Record<string, unknown> | null,
    reason: string | undefined,
    place: (field: string) => NamePath | undefined = () => undefined,
    done: 'portal.edit.saved' | 'portal.list.removed' = 'portal.edit.saved',
  ) => {
    setError(null);
    if (facts === null) {
      message.info(i18n.t('portal.edit.unchanged'));
      onClose();
      return;
    }
    try {
      const { claims } = await write.mutateAsync({ facts, ...(mode === 'override' ? { reason } : {}) });
      if (claims.length)
        message.warning(
          i18n.t('portal.edit.claimKept', {
            facts: claims
              .map((c) => `${i18n.pick(labelOfPath(catalog.data, c.path))}（${i18n.t(`portal.source.${c.source}`)}）`)
              .join('、'),
          }),
          8,
        );
      else message.success(i18n.t(done));
      onSaved?.();
      onClose();
    } catch (e) {
      setError(showErrors(e, form, (f) => (f === 'reason' ? 'reason' : place(f)), i18n));
    }
  };
  return { form, error, saving: write.isPending, save };
}
