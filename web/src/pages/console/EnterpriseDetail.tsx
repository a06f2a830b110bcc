import { Typography } from 'antd';

export default function EnterpriseDetail() {
  return <Typography.Title level={3}>EnterpriseDetail</Typography.Title>;
}
