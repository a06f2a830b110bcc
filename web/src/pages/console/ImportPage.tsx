import { Typography } from 'antd';

export default function ImportPage() {
  return <Typography.Title level={3}>ImportPage</Typography.Title>;
}
