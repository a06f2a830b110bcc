import { Typography } from 'antd';

export default function PolicyPage() {
  return <Typography.Title level={3}>PolicyPage</Typography.Title>;
}
