import { Typography } from 'antd';

export default function CalculatorPage() {
  return <Typography.Title level={3}>CalculatorPage</Typography.Title>;
}
