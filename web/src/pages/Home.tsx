import { Button, Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

/** What Huiqi is, with an entry point for each kind of user. */
export default function Home() {
  const { t } = useI18n();
  const cards = [
    { title: t('home.forEveryone'), text: t('home.forEveryone.text'), to: '/calculator', action: t('home.start') },
    { title: t('home.forEnterprises'), text: t('home.forEnterprises.text'), to: '/login', action: t('nav.login') },
    { title: t('home.forOfficers'), text: t('home.forOfficers.text'), to: '/login', action: t('nav.login') },
  ];
  return (
    <>
      <Typography.Title level={2}>{t('home.title')}</Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16, maxWidth: 820 }}>{t('home.text')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.title} xs={24} md={8}>
            <Card title={c.title} style={{ height: '100%' }}>
              <Typography.Paragraph>{c.text}</Typography.Paragraph>
              <Link to={c.to}>
                <Button type="primary">{c.action}</Button>
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
