/**
 * A date as the app shows dates everywhere: YYYY-MM-DD, whatever language the browser speaks (a
 * native date field follows the browser's own locale). Value in and out is the ISO string.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

export interface DateInputProps {
  id?: string;
  value: string | null | undefined;
  onChange: (value: string | undefined) => void;
  style?: CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
  'aria-required'?: boolean | 'true' | 'false';
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

export function DateInput({ value, onChange, style, ...rest }: DateInputProps) {
  const day =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? dayjs(value) : null;
  return (
    <DatePicker
      {...rest}
      style={style ?? { width: '100%', maxWidth: 200 }}
      format="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      value={day}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
