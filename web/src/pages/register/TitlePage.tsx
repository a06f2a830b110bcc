/**
 * A title's public record (/register/:id), laid out like the certificate it stands for: number,
 * firm, code, title, validity, region and state — so that anyone handed a certificate can check it
 * here — and printable without the site's header and footer.
 */
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { enumLabel } from '../../components/evaluation/index.ts';
import { TitleStateTag, useTitle, type Title } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorPage, QueryError } from '../../layout/ErrorPage.tsx';

const css = `
.hq-certificate { max-width: 760px; margin: 0 auto; border: 3px double #b8860b !important; background: #fffdf6; }
.hq-certificate .ant-card-body { padding: 32px 24px; }
.hq-certificate-title { text-align: center; letter-spacing: 0.2em; margin-bottom: 4px !important; }
.hq-certificate-honor { text-align: center; color: #8b1a1a !important; margin-top: 0 !important; }
@media (max-width: 575px) { .hq-certificate .ant-card-body { padding: 20px 12px; } }
@media print {
  .hq-noprint, .hq-certificate .ant-typography-copy { display: none !important; }
  .ant-layout-content { max-width: none !important; padding: 0 !important; }
  .hq-certificate { break-inside: avoid-page; margin-top: 24px; }
}
`;

export default function TitlePage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <ErrorPage kind="404" />;
  return <TitleView id={id} />;
}

function TitleView({ id }: { id: number }) {
  const { t } = useI18n();
  const title = useTitle(id);
  if (title.error) return <QueryError error={title.error} onRetry={() => void title.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div
        className="hq-noprint"
        style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}
      >
        <Link to="/register">
          <ArrowLeftOutlined aria-hidden /> {t('register.back')}
        </Link>
        <Space wrap>
          <Button
            type="primary"
            icon={<FilePdfOutlined aria-hidden />}
            href={`/api/v1/titles/${id}/certificate.pdf`}
            target="_blank"
            disabled={!title.data}
            data-testid="certificate-pdf"
          >
            {t('register.pdf')}
          </Button>
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={!title.data}>
            {t('register.print')}
          </Button>
        </Space>
      </div>
      <Card className="hq-certificate" data-testid="certificate" data-state={title.data?.state}>
        <style>{css}</style>
        {title.data ? <Certificate title={title.data} /> : <Skeleton active paragraph={{ rows: 6 }} />}
      </Card>
    </Space>
  );
}

function Certificate({ title: x }: { title: Title }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={2} className="hq-certificate-title">
        {t('register.cert.heading')}
      </Typography.Title>
      <Typography.Title level={3} className="hq-certificate-honor" data-testid="certificate-honor">
        {enumLabel(x.honor, t)}
      </Typography.Title>
      {x.state === 'revoked' && x.revokedOn && (
        <Alert
          type="error"
          showIcon
          style={{ margin: '16px 0' }}
          title={t('register.cert.revoked', { date: x.revokedOn })}
          description={x.barredUntil ? t('register.cert.barred', { date: x.barredUntil }) : undefined}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'no',
            label: t('register.cert.certificateNo'),
            children: (
              <Typography.Text strong copyable data-testid="certificate-no">
                {x.certificateNo}
              </Typography.Text>
            ),
          },
          { key: 'name', label: t('register.cert.name'), children: x.name ?? '—' },
          { key: 'uscc', label: t('register.cert.uscc'), children: x.uscc },
          { key: 'honor', label: t('register.cert.honor'), children: enumLabel(x.honor, t) },
          {
            key: 'validity',
            label: t('register.cert.validity'),
            children: t('apply.range', { from: x.validFrom, to: x.validTo }),
          },
          { key: 'region', label: t('register.cert.region'), children: x.regionName ?? x.regionCode },
          ...(x.authority ? [{ key: 'authority', label: t('register.cert.authority'), children: x.authority }] : []),
          { key: 'edition', label: t('register.cert.edition'), children: t('apply.edition', { edition: x.edition }) },
          { key: 'issued', label: t('register.cert.issuedAt'), children: x.validFrom },
          { key: 'state', label: t('register.cert.state'), children: <TitleStateTag state={x.state} /> },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('register.cert.verify', { url: window.location.href })}
      </Typography.Paragraph>
    </>
  );
}
