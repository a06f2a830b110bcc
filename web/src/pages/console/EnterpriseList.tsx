import { Typography } from 'antd';

export default function EnterpriseList() {
  return <Typography.Title level={3}>EnterpriseList</Typography.Title>;
}
