/**
 * The facts the evaluation still needs, asked right here: each with a 填写 button opening the same
 * dialog the profile uses (saved as self-declared), after which the application is evaluated again.
 * A field of a list item (an IP item's kind, say) is filled in the profile's list editor instead.
 */
import { EditOutlined } from '@ant-design/icons';
import { Button, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { labelOfPath, useFactCatalog } from '../../components/evaluation/index.ts';
import { defOf, EditFactModal } from '../../components/profile/index.ts';
import { useI18n } from '../../i18n/index.tsx';

export function MissingFacts({ uscc, missing, onSaved }: { uscc: string; missing: string[]; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const catalog = useFactCatalog().data;
  const [editing, setEditing] = useState<string | null>(null);
  if (!catalog || missing.length === 0) return null;
  const def = editing ? defOf(catalog, editing) : undefined;
  return (
    <>
      <List
        size="small"
        data-testid="missing-facts"
        header={<Typography.Text strong>{t('apply.missing.title')}</Typography.Text>}
        dataSource={missing}
        renderItem={(path) => {
          const inList = /\[\d+\]\./.test(path) || !defOf(catalog, path);
          return (
            <List.Item
              data-testid={`missing-${path}`}
              actions={[
                inList ? (
                  <Link key="portal" to="/portal">
                    {t('apply.toPortal')}
                  </Link>
                ) : (
                  <Button
                    key="fill"
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    onClick={() => setEditing(path)}
                    data-testid={`fill-${path}`}
                  >
                    {t('apply.missing.fill')}
                  </Button>
                ),
              ]}
            >
              {pick(labelOfPath(catalog, path))}
            </List.Item>
          );
        }}
      />
      {editing && def && (
        <EditFactModal
          uscc={uscc}
          mode="self"
          path={editing}
          label={pick(labelOfPath(catalog, editing))}
          def={def}
          value={undefined}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
    </>
  );
}
