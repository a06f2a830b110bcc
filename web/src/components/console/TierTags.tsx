/**
 * A firm's tier tags: the titles it holds (a check mark and 已认定) and the policies it qualifies
 * for now (a different mark and 符合); the word, not the colour, says which.
 */
import { CheckCircleOutlined, RiseOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { parseTag, TIERS, useConsoleLabels } from './labels.ts';

const order = (tag: string): number => {
  const p = parseTag(tag);
  const i = TIERS.findIndex((t) => t.honor === p.value || t.policy === p.value);
  return (p.kind === 'holds' ? 0 : 100) + (i < 0 ? 50 : i);
};

export function TierTags({ tags, short = true }: { tags: string[]; short?: boolean }) {
  const { tagName } = useConsoleLabels();
  const shown = tags.filter((t) => !t.startsWith('size:')).sort((a, b) => order(a) - order(b));
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {shown.map((tag) => {
        const held = tag.startsWith('holds:');
        return (
          <Tooltip key={tag} title={tagName(tag, false)}>
            <Tag
              color={held ? 'green' : 'blue'}
              icon={held ? <CheckCircleOutlined aria-hidden /> : <RiseOutlined aria-hidden />}
              style={{ marginInlineEnd: 0 }}
              data-tag={tag}
            >
              {tagName(tag, short)}
            </Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}
