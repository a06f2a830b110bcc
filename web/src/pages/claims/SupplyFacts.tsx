/**
 * 快申快享: the facts the data still lack, each filled in right here (the application page's own
 * list, saved as self-declared), then 已补充，重新核验 has the policy checked again on the firm's
 * record — an offer to confirm, a closed claim, or what is still missing. Facts the firm has
 * declared but that only count once verified (待核实) are said to wait for the authority, never
 * asked for again.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useFailureText, type Claim } from '../../components/delivery/index.ts';
import { UnverifiedNotice } from '../../components/evaluation/index.ts';
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
    const { status, unverified } = r.ok.claim;
    if (status === 'offered') message.success(t('claim.recheck.offered'));
    else if (status === 'ineligible') message.warning(t('claim.recheck.ineligible'));
    else message.info(t(unverified?.length ? 'claim.recheck.unverified' : 'claim.recheck.still'));
  };
  const missing = claim.missing ?? [];
  const unverified = claim.unverified ?? [];
  // Only the authority's word is awaited: nothing for the firm to supply.
  const waiting = unverified.length > 0 && missing.length === 0;
  return (
    <Card title={t(waiting ? 'claim.verifying.title' : 'claim.invited.title')} data-testid="claim-invited">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t(waiting ? 'claim.verifying.intro' : 'claim.invited.intro', { date: claim.respondBy })}
        </Typography.Paragraph>
        <UnverifiedNotice paths={unverified} testId="claim-unverified" />
        <MissingFacts uscc={claim.uscc} missing={missing} onSaved={() => undefined} />
        <Space wrap>
          <Button
            type="primary"
            icon={<ReloadOutlined aria-hidden />}
            loading={recheck.pending}
            onClick={() => void run()}
            data-testid="claim-recheck"
          >
            {t(waiting ? 'claim.recheck.again' : 'claim.recheck')}
          </Button>
          <DeclineButton claim={claim} />
        </Space>
      </Space>
    </Card>
  );
}
