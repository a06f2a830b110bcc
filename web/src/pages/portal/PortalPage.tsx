import { Typography } from 'antd';

export default function PortalPage() {
  return <Typography.Title level={3}>PortalPage</Typography.Title>;
}
