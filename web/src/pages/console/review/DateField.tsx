/** DateInput as a Form.Item child: the form hands it the value, onChange and id. */
import { DateInput, type DateInputProps } from '../../../components/inputs/DateInput.tsx';

export function DateField({ value, onChange, ...rest }: Partial<DateInputProps>) {
  return <DateInput {...rest} value={value} onChange={(v) => onChange?.(v)} />;
}
