/**
 * 快申快享: the facts the data still lack, each filled in right here (the application page's own
 * list, saved as self-declared), then 已补充，重新核验 has the policy checked again on the firm's
 * record — an offer to confirm, a closed claim, or what is still missing.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useFailureText, type Claim } from '../../components/delivery/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MissingFacts } from '../applications/MissingFacts.tsx';
import { DeclineButton } from './DeclineButton.tsx';
import { useClaimMove } from './move.ts';

export function SupplyFacts({ claim }: { claim: Claim }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useFailureText();
  const recheck = useClaimMove<object, { claim: Claim }>(claim, 'recheck');
  const run = async () => {
    const r = await recheck.send({});
    if (!r) return;
    if ('error' in r) {
      message.error(describe(r.error).text);
      return;
    }
    const status = r.ok.claim.status;
    if (status === 'offered') message.success(t('claim.recheck.offered'));
    else if (status === 'ineligible') message.warning(t('claim.recheck.ineligible'));
    else message.info(t('claim.recheck.still'));
  };
  return (
    <Card title={t('claim.invited.title')} data-testid="claim-invited">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('claim.invited.intro', { date: claim.respondBy })}
        </Typography.Paragraph>
        <MissingFacts uscc={claim.uscc} missing={claim.missing ?? []} onSaved={() => undefined} />
        <Space wrap>
          <Button
            type="primary"
            icon={<ReloadOutlined aria-hidden />}
            loading={recheck.pending}
            onClick={() => void run()}
            data-testid="claim-recheck"
          >
            {t('claim.recheck')}
          </Button>
          <DeclineButton claim={claim} />
        </Space>
      </Space>
    </Card>
  );
}
