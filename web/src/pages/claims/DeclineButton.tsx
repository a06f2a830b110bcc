/** 放弃领取, asked once more: a declined claim cannot be taken back this year. */
import { App, Button, Popconfirm } from 'antd';
import { useFailureText, type Claim } from '../../components/delivery/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useClaimMove } from './move.ts';

export function DeclineButton({ claim }: { claim: Claim }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useFailureText();
  const decline = useClaimMove<object>(claim, 'decline');
  const run = async () => {
    const r = await decline.send({});
    if (r && 'ok' in r) message.success(t('claim.decline.done'));
    else if (r) message.error(describe(r.error).text);
  };
  return (
    <Popconfirm
      title={t('claim.decline.confirm')}
      okText={t('claim.decline.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('review.cancel')}
      onConfirm={() => run()}
    >
      <Button danger loading={decline.pending} data-testid="claim-decline">
        {t('claim.decline')}
      </Button>
    </Popconfirm>
  );
}
