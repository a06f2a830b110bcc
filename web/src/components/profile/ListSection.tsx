/**
 * A list fact (IP items, titles, awards, R&D institutions, standards, equity rounds) as a table
 * with add, edit and remove. The ledger keeps a list as one value, so every change writes the
 * whole list.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ListDef } from '../../../../src/facts/catalog.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatValue } from '../evaluation/index.ts';
import { type FactEntry, type ProfileMode } from './data.ts';
import { ModalFooter, ReasonField } from './EditFact.tsx';
import { cellText, FactInput, fromForm, inputUnit, toForm } from './FactInput.tsx';
import { SourceBadge } from './Source.tsx';
import { useFactDialog } from './useFactDialog.ts';

type Item = Record<string, unknown>;
/** A table row: the item and its place in the list (the list has no ids). */
type Row = { i: number; item: Item };
type T = ReturnType<typeof useI18n>['t'];

const today = () => new Date().toISOString().slice(0, 10);

/** Whether a dated item (a title) is in force today, by its derived `valid` field. */
function validity(def: ListDef, item: Item): 'valid' | 'expired' | 'pending' | null {
  const d = Object.values(def.derived ?? {}).find((x) => x.type === 'boolean');
  if (!d || d.type !== 'boolean') return null;
  const from = item[d.validFrom];
  const to = item[d.validTo];
  const now = today();
  if (typeof from === 'string' && now < from) return 'pending';
  if (typeof to === 'string' && to < now) return 'expired';
  return 'valid';
}

/** One item in a line: "发明专利 · 授权日期 2021-03-01 · 与主导产品相关：是". */
export function itemText(def: ListDef, item: Item, t: T, pick: (l: { zh: string; en: string }) => string): string {
  return Object.entries(def.item)
    .filter(([k]) => item[k] !== undefined && item[k] !== null)
    .map(([k, f], i) =>
      i === 0 && f.type === 'enum'
        ? formatValue(item[k] as string, null, t)
        : `${pick(f.label)}：${formatValue(item[k] as string | number | boolean, f.unit, t)}`,
    )
    .join(' · ');
}

export interface ListSectionProps {
  uscc: string;
  mode: ProfileMode;
  editable: boolean;
  name: string;
  def: ListDef;
  items: Item[];
  standing?: FactEntry;
  historyCount: number;
  onHistory: () => void;
  onSaved?: () => void;
}

export function ListSection({
  uscc,
  mode,
  editable,
  name,
  def,
  items,
  standing,
  historyCount,
  onHistory,
  onSaved,
}: ListSectionProps) {
  const { t, pick } = useI18n();
  /** The item being edited: its index, or -1 for a new one. */
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const dialog = { uscc, mode, name, def, items, onSaved };
  const hasValidity = Object.values(def.derived ?? {}).some((d) => d.type === 'boolean');

  const columns = [
    ...Object.entries(def.item).map(([k, f]) => ({
      key: k,
      title: inputUnit(f, t) ? `${pick(f.label)}（${inputUnit(f, t)}）` : pick(f.label),
      render: (_: unknown, row: Row) => cellText(row.item[k], f, t),
    })),
    ...(hasValidity
      ? [
          {
            key: '_valid',
            title: t('portal.list.validity'),
            render: (_: unknown, row: Row) => {
              const v = validity(def, row.item);
              return v ? (
                <Tag color={v === 'valid' ? 'success' : v === 'expired' ? 'default' : 'processing'}>
                  {t(`portal.list.${v}`)}
                </Tag>
              ) : null;
            },
          },
        ]
      : []),
    ...(editable
      ? [
          {
            key: '_actions',
            title: t('portal.list.actions'),
            fixed: 'right' as const,
            render: (_: unknown, { i }: Row) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => setEditing(i)}
                  data-testid={`edit-${name}[${i}]`}
                  aria-label={t('portal.list.editItem', { label: pick(def.label), n: i + 1 })}
                >
                  {t('portal.list.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => setRemoving(i)}
                  data-testid={`remove-${name}[${i}]`}
                  aria-label={t('portal.list.removeItem', { label: pick(def.label), n: i + 1 })}
                >
                  {t('portal.list.remove')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap>
          <span>{pick(def.label)}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('portal.list.count', { n: items.length })}
          </Typography.Text>
          <SourceBadge entry={standing} count={historyCount} onHistory={onHistory} />
        </Space>
      }
      extra={
        editable && (
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing(-1)}
            data-testid={`add-${name}`}
          >
            {t('portal.list.add', { item: pick(def.itemLabel) })}
          </Button>
        )
      }
      data-testid={`list-${name}`}
    >
      <Table<Row>
        size="small"
        rowKey="i"
        dataSource={items.map((item, i) => ({ i, item }))}
        columns={columns}
        pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('portal.list.empty') }}
      />
      {editing !== null && <ItemModal {...dialog} index={editing} onClose={() => setEditing(null)} />}
      {removing !== null && <RemoveModal {...dialog} index={removing} onClose={() => setRemoving(null)} />}
    </Card>
  );
}

interface ItemModalProps {
  uscc: string;
  mode: ProfileMode;
  name: string;
  def: ListDef;
  items: Item[];
  /** -1 adds an item. */
  index: number;
  onClose: () => void;
  onSaved?: () => void;
}

/** Drops unknown fields, so an item carries only what was said. */
const clean = (item: Item): Item =>
  Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null && v !== undefined));

function ItemModal({ uscc, mode, name, def, items, index, onClose, onSaved }: ItemModalProps) {
  const { t, pick } = useI18n();
  const { form, error, saving, save } = useFactDialog({ uscc, mode, onClose, onSaved });
  const adding = index < 0;
  const at = adding ? items.length : index;
  const current = adding ? {} : (items[index] ?? {});

  const submit = (v: { f?: Record<string, unknown>; reason?: string }) => {
    const item = clean(Object.fromEntries(Object.entries(def.item).map(([k, f]) => [k, fromForm(f, v.f?.[k])])));
    const unchanged = !adding && JSON.stringify(item) === JSON.stringify(clean(current));
    const next = adding ? [...items, item] : items.map((x, i) => (i === index ? item : x));
    const place = (field: string) => {
      const m = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(field);
      return m && m[1] === name && Number(m[2]) === at ? ['f', m[3]!] : undefined;
    };
    return save(unchanged ? null : { [name]: next }, v.reason, place);
  };

  return (
    <Modal
      open
      title={
        adding
          ? t('portal.list.addTitle', { item: pick(def.itemLabel), label: pick(def.label) })
          : t('portal.list.editTitle', { label: pick(def.label), n: index + 1 })
      }
      onCancel={onClose}
      destroyOnHidden
      footer={<ModalFooter onCancel={onClose} onOk={() => form.submit()} saving={saving} />}
    >
      <Form
        form={form}
        name={`item-${name}`}
        layout="vertical"
        initialValues={{ f: Object.fromEntries(Object.entries(def.item).map(([k, f]) => [k, toForm(f, current[k])])) }}
        onFinish={submit}
        data-testid={`item-form-${name}`}
      >
        {Object.entries(def.item).map(([k, f]) => {
          const unit = inputUnit(f, t);
          return (
            <Form.Item
              key={k}
              name={['f', k]}
              label={unit ? `${pick(f.label)}（${unit}）` : pick(f.label)}
              rules={
                f.required ? [{ required: true, message: t('portal.list.required', { label: pick(f.label) }) }] : []
              }
            >
              <FactInput def={f} />
            </Form.Item>
          );
        })}
        {mode === 'override' && <ReasonField />}
        {error && <Alert type="error" showIcon title={error} data-testid="fact-error" />}
      </Form>
    </Modal>
  );
}

function RemoveModal({ uscc, mode, name, def, items, index, onClose, onSaved }: ItemModalProps) {
  const { t, pick } = useI18n();
  const { form, error, saving, save } = useFactDialog({ uscc, mode, onClose, onSaved });
  const item = items[index] ?? {};

  const submit = (v: { reason?: string }) =>
    save({ [name]: items.filter((_, i) => i !== index) }, v.reason, undefined, 'portal.list.removed');

  return (
    <Modal
      open
      title={t('portal.list.removeTitle', { label: pick(def.label), n: index + 1 })}
      onCancel={onClose}
      destroyOnHidden
      footer={<ModalFooter onCancel={onClose} onOk={() => form.submit()} saving={saving} danger />}
    >
      <Typography.Paragraph>{t('portal.list.removeConfirm')}</Typography.Paragraph>
      <Typography.Paragraph strong>{itemText(def, item, t, pick)}</Typography.Paragraph>
      <Form form={form} name="remove" layout="vertical" onFinish={submit}>
        {mode === 'override' && <ReasonField />}
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="fact-error" />}
    </Modal>
  );
}
