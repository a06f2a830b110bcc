/**
 * Editing facts: one value (a scalar, a year's figure, a compliance flag), or a whole fiscal year's
 * figures at once. The firm's own writes are self-declared; a reviewer's are overrides and need a
 * reason. API validation errors show beside the field they name.
 */
import { Alert, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { FactCatalog, FactDef } from '../../../../src/facts/catalog.ts';
import { useI18n } from '../../i18n/index.tsx';
import { bodyFor, type Enterprise, type ProfileMode } from './data.ts';
import { FactInput, fromForm, inputUnit, toForm } from './FactInput.tsx';
import { useFactDialog } from './useFactDialog.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The reason field a reviewer's override needs. */
export function ReasonField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="reason"
      label={t('portal.edit.reason')}
      rules={[{ required: true, whitespace: true, message: t('portal.edit.reasonRequired') }]}
      extra={t('portal.edit.reasonHint')}
    >
      <Input.TextArea rows={2} maxLength={500} showCount data-testid="fact-reason" />
    </Form.Item>
  );
}

/** A dialog's 取消 and 保存 buttons (保存 submits the form); `danger` makes the second one a removal. */
export function ModalFooter({
  onCancel,
  onOk,
  saving,
  danger = false,
}: {
  onCancel: () => void;
  onOk: () => void;
  saving: boolean;
  danger?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Button onClick={onCancel}>{t('portal.edit.cancel')}</Button>
      <Button
        type="primary"
        danger={danger}
        loading={saving}
        onClick={onOk}
        data-testid={danger ? 'fact-remove-confirm' : 'fact-save'}
      >
        {t(danger ? 'portal.list.remove' : 'portal.edit.save')}
      </Button>
    </>
  );
}

export interface EditFactProps {
  uscc: string;
  mode: ProfileMode;
  /** A fact path: `rdExpense` of a year is `years.2025.rdExpense`. */
  path: string;
  label: string;
  def: FactDef;
  value: unknown;
  onClose: () => void;
  onSaved?: () => void;
}

/** One value's edit dialog (rendered only while open). */
export function EditFactModal({ uscc, mode, path, label, def, value, onClose, onSaved }: EditFactProps) {
  const { t } = useI18n();
  const { form, error, saving, save } = useFactDialog({ uscc, mode, onClose, onSaved });
  const unit = inputUnit(def, t);

  const submit = (v: { value?: unknown; reason?: string }) => {
    const next = fromForm(def, v.value);
    return save(same(next, value) ? null : bodyFor(path, next), v.reason, (f: string) =>
      f === path ? 'value' : undefined,
    );
  };

  return (
    <Modal
      open
      title={t('portal.edit.title', { label })}
      onCancel={onClose}
      destroyOnHidden
      footer={<ModalFooter onCancel={onClose} onOk={() => form.submit()} saving={saving} />}
    >
      <Form form={form} name="fact" layout="vertical" initialValues={{ value: toForm(def, value) }} onFinish={submit}>
        <Form.Item name="value" label={unit ? `${label}（${unit}）` : label} extra={t('portal.edit.clearHint')}>
          <FactInput def={def} />
        </Form.Item>
        {mode === 'override' && <ReasonField />}
        {mode === 'self' && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('portal.edit.selfHint')}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="fact-error" />}
      </Form>
    </Modal>
  );
}

export interface EditYearProps {
  uscc: string;
  mode: ProfileMode;
  catalog: FactCatalog;
  firm: Enterprise;
  /** The year to edit, or undefined to add one. */
  year?: string;
  onClose: () => void;
  onSaved?: () => void;
}

const thisYear = () => new Date().getFullYear();

/** Adding a fiscal year's figures, or filling in a year's at once (rendered only while open). */
export function EditYearModal({ uscc, mode, catalog, firm, year, onClose, onSaved }: EditYearProps) {
  const { t, pick } = useI18n();
  const { form, error, saving, save } = useFactDialog({ uscc, mode, onClose, onSaved });
  const known = Object.keys(firm.years ?? {}).map(Number);
  const suggested = year
    ? Number(year)
    : Math.min(thisYear() - 1, known.length ? Math.max(...known) + 1 : thisYear() - 1);
  const chosen = Form.useWatch('year', form) as number | undefined;
  const keys = Object.keys(catalog.yearly);

  const formValues = (y: number | undefined) =>
    Object.fromEntries(keys.map((k) => [k, toForm(catalog.yearly[k]!, firm.years?.[String(y)]?.[k])]));

  const submit = (v: { year: number; f?: Record<string, unknown>; reason?: string }) => {
    const y = String(v.year);
    const old = firm.years?.[y] ?? {};
    const changes: Record<string, unknown> = {};
    for (const k of keys) {
      const next = fromForm(catalog.yearly[k]!, v.f?.[k]);
      if (!same(next, old[k])) changes[k] = next;
    }
    const place = (field: string) => {
      const m = /^years\.(\d{4})\.(\w+)$/.exec(field);
      if (m && m[1] === y) return ['f', m[2]!];
      return /^years(\.\d{4})?$/.test(field) ? 'year' : undefined;
    };
    return save(Object.keys(changes).length ? { years: { [y]: changes } } : null, v.reason, place);
  };

  return (
    <Modal
      open
      width={{ xs: '100%', md: 720 }}
      title={year ? t('portal.year.editTitle', { year }) : t('portal.year.addTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={<ModalFooter onCancel={onClose} onOk={() => form.submit()} saving={saving} />}
    >
      <Form
        form={form}
        name="year"
        layout="vertical"
        initialValues={{ year: suggested, f: formValues(suggested) }}
        onFinish={submit}
        // Choosing a year that already has figures shows them, to complete or correct.
        onValuesChange={(changed: { year?: number }) => {
          if ('year' in changed) form.setFieldsValue({ f: formValues(changed.year) });
        }}
        data-testid="year-form"
      >
        <Form.Item
          name="year"
          label={t('portal.year.year')}
          rules={[{ required: true, message: t('portal.year.yearRequired') }]}
          extra={chosen !== undefined && known.includes(chosen) ? t('portal.year.exists') : undefined}
        >
          <InputNumber min={1990} max={thisYear()} precision={0} disabled={!!year} style={{ width: 160 }} />
        </Form.Item>
        <div className="hq-year-grid">
          {keys.map((k) => {
            const def = catalog.yearly[k]!;
            const unit = inputUnit(def, t);
            return (
              <Form.Item
                key={k}
                name={['f', k]}
                label={unit ? `${pick(def.label)}（${unit}）` : pick(def.label)}
                style={{ marginBottom: 12 }}
              >
                <FactInput def={def} />
              </Form.Item>
            );
          })}
        </div>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('portal.year.hint')}
        </Typography.Paragraph>
        {mode === 'override' && <ReasonField />}
        {error && <Alert type="error" showIcon title={error} data-testid="fact-error" />}
      </Form>
    </Modal>
  );
}
