/**
 * A list of the profile (IP, titles, awards, …): the items added so far, each with the fields the
 * engine asks about it (`ip[0].mainProduct`), and an "add" sub-form with the item's required fields.
 */
import { Button, Card, Form, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { enumLabel, type Label } from '../../components/evaluation/index.ts';
import type { ListDef } from '../../../../src/facts/catalog.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FactField } from './FactField.tsx';

type Item = Record<string, unknown>;

export interface ListEditorProps {
  name: string;
  list: ListDef;
  items: Item[];
  /** Fact paths the engine asks for (`ip[0].mainProduct`). */
  asked: Set<string>;
  errors: Record<string, string>;
  onChange: (items: Item[]) => void;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

export function ListEditor({ name, list, items, asked, errors, onChange }: ListEditorProps) {
  const { t, pick } = useI18n();
  const [draft, setDraft] = useState<Item | null>(null);
  const required = Object.entries(list.item).filter(([, d]) => d.required);
  const fieldLabel = (l: Label) => pick(l);
  const canAdd = draft !== null && required.every(([k]) => present(draft[k]));
  const itemTitle = (item: Item, i: number) => {
    const kind = item.kind ?? item.level;
    return `${t('calculator.list.item', { n: i + 1 })}${typeof kind === 'string' ? `：${enumLabel(kind, t)}` : ''}`;
  };
  return (
    <section aria-labelledby={`list-${name}`} data-testid={`list-${name}`} style={{ marginBottom: 24 }}>
      <Typography.Title level={5} id={`list-${name}`}>
        {pick(list.label)} <Tag>{t('calculator.list.items', { count: items.length })}</Tag>
      </Typography.Title>
      {items.length === 0 && <Typography.Paragraph type="secondary">{t('calculator.list.none')}</Typography.Paragraph>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {items.map((item, i) => {
          const fields = Object.entries(list.item).filter(
            ([k]) => present(item[k]) || asked.has(`${name}[${i}].${k}`) || errors[`${name}[${i}].${k}`],
          );
          return (
            <Card
              key={i}
              size="small"
              title={itemTitle(item, i)}
              data-testid={`list-${name}-${i}`}
              extra={
                <Button
                  autoInsertSpace={false}
                  size="small"
                  danger
                  type="link"
                  aria-label={t('calculator.list.removeItem', { n: i + 1 })}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  {t('calculator.list.remove')}
                </Button>
              }
            >
              {fields.map(([k, def]) => {
                const path = `${name}[${i}].${k}`;
                return (
                  <FactField
                    key={k}
                    path={path}
                    def={def}
                    label={fieldLabel(def.label)}
                    value={item[k]}
                    asked={asked.has(path)}
                    error={errors[path]}
                    extra={asked.has(path) && !present(item[k]) ? t('calculator.list.asked') : undefined}
                    onChange={(v) => {
                      const next = { ...item };
                      if (v === undefined) delete next[k];
                      else next[k] = v;
                      onChange(items.map((x, j) => (j === i ? next : x)));
                    }}
                  />
                );
              })}
            </Card>
          );
        })}
        {draft ? (
          <Card
            size="small"
            title={t('calculator.list.addTitle', { item: pick(list.itemLabel) })}
            data-testid={`list-${name}-new`}
          >
            {required.map(([k, def]) => (
              <FactField
                key={k}
                path={`${name}.new.${k}`}
                def={def}
                label={fieldLabel(def.label)}
                value={draft[k]}
                onChange={(v) => {
                  const next = { ...draft };
                  if (v === undefined) delete next[k];
                  else next[k] = v;
                  setDraft(next);
                }}
              />
            ))}
            <Space>
              <Button
                autoInsertSpace={false}
                type="primary"
                disabled={!canAdd}
                onClick={() => {
                  onChange([...items, draft]);
                  setDraft(null);
                }}
              >
                {t('calculator.list.confirm')}
              </Button>
              <Button autoInsertSpace={false} onClick={() => setDraft(null)}>
                {t('calculator.list.cancel')}
              </Button>
            </Space>
          </Card>
        ) : (
          <Form.Item style={{ marginBottom: 0 }}>
            <Button autoInsertSpace={false} onClick={() => setDraft({})}>
              {t('calculator.list.add', { item: pick(list.itemLabel) })}
            </Button>
          </Form.Item>
        )}
      </Space>
    </section>
  );
}
