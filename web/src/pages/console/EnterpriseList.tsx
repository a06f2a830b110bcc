/**
 * 企业名录: the firms of the officer's region, filtered by sub-region, industry, size class and tier
 * tags, searched by name or 统一社会信用代码, paged by the server. Every filter lives in the URL
 * query, so a dashboard link or a reload shows the same list; the export takes the same filter.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import {
  filterFromParams,
  filterToParams,
  usePolicies,
  useFirmList,
  type ListQuery,
  type Listing,
} from '../../components/console/data.ts';
import { downloadFile } from '../../components/console/download.ts';
import {
  SECTIONS,
  SIZE_CLASSES,
  SIZE_POLICY,
  tierByPolicy,
  TIERS,
  useConsoleLabels,
} from '../../components/console/labels.ts';
import { RegionPicker } from '../../components/console/RegionPicker.tsx';
import { TierTags } from '../../components/console/TierTags.tsx';

const INDUSTRY = /^[A-Ta-t](\d{0,4})$/;

export default function EnterpriseList() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => filterFromParams(params), [params]);
  const list = useFirmList(f);
  const labels = useConsoleLabels();
  const { sizeName, sectionName, tagName } = labels;
  const policies = usePolicies().data;
  const [exporting, setExporting] = useState(false);
  // The detail page's back link returns to this very list (filters and page).
  const back = { back: `/console/enterprises${params.size ? `?${params}` : ''}` };

  const update = (patch: Partial<ListQuery>) =>
    setParams(filterToParams({ ...f, page: 1, ...patch }), { replace: false });

  const tagOptions = useMemo(() => {
    const held = TIERS.map((x) => `holds:${x.honor}`);
    const qualifies = [
      ...TIERS.filter((x) => x.policy).map((x) => `qualifies:${x.policy}`),
      ...(policies ?? []).filter((p) => p.id !== SIZE_POLICY && !tierByPolicy(p.id)).map((p) => `qualifies:${p.id}`),
    ];
    return [
      { label: t('console.dash.held'), options: held.map((v) => ({ value: v, label: tagName(v) })) },
      { label: t('console.dash.qualifies'), options: qualifies.map((v) => ({ value: v, label: tagName(v) })) },
    ];
  }, [policies, t, tagName]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const q = filterToParams({ ...f, page: 1, pageSize: 20 });
      const { headers } = await downloadFile(
        `/api/v1/enterprises/export.xlsx${q.size ? `?${q}` : ''}`,
        t('console.list.exportName'),
      );
      const total = Number(headers.get('x-total-count'));
      const written = Number(headers.get('x-exported-count'));
      if (total > written) message.warning(t('console.list.exportCapped', { n: formatNumber(written) }));
    } catch (e) {
      message.error(e instanceof ApiError ? pick(e.text) : t('console.list.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;

  const columns: ColumnsType<Listing> = [
    {
      title: t('console.col.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 240,
      render: (name: string | null, r) => (
        <Link to={`/console/enterprises/${r.uscc}`} state={back}>
          {name ?? r.uscc}
        </Link>
      ),
    },
    {
      title: t('console.col.uscc'),
      dataIndex: 'uscc',
      width: 190,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('console.col.region'),
      dataIndex: 'regionName',
      width: 110,
      render: (v: string | null, r) => v ?? r.regionCode ?? '—',
    },
    {
      title: t('console.col.industry'),
      dataIndex: 'industryCode',
      width: 200,
      render: (v: string | null) =>
        v ? (
          <span>
            <Typography.Text code>{v}</Typography.Text> {sectionName(v.slice(0, 1))}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('console.col.size'), dataIndex: 'sizeClass', width: 90, render: (v: string | null) => sizeName(v) },
    { title: t('console.col.tags'), dataIndex: 'tags', render: (tags: string[]) => <TierTags tags={tags} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('console.list.title')}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Link to={`/console${f.region ? `?region=${f.region}` : ''}`}>{t('console.list.toDashboard')}</Link>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() => void exportXlsx()}
              loading={exporting}
              disabled={!list.data || list.data.total === 0}
              data-testid="export-button"
            >
              {t('console.list.export')}
            </Button>
          </Space>
        </Col>
      </Row>
      <Card size="small">
        <Form layout="vertical" component="div">
          <Row gutter={[16, 0]}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('console.filter.q')} htmlFor="filter-q">
                <Search key={f.q ?? ''} value={f.q} onSearch={(q) => update({ q: q || undefined })} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={16}>
              <Form.Item label={t('console.filter.region')}>
                <RegionPicker value={f.region} onChange={(region) => update({ region })} testId="filter-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('console.filter.industry')} htmlFor="filter-industry">
                <IndustryInput
                  key={f.industry ?? ''}
                  value={f.industry}
                  onChange={(industry) => update({ industry })}
                  options={SECTIONS.map((s) => ({ value: s, label: `${s} ${sectionName(s)}` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label={t('console.filter.size')} htmlFor="filter-size">
                <Select
                  id="filter-size"
                  data-testid="filter-size"
                  allowClear
                  placeholder={t('console.filter.any')}
                  value={f.size}
                  options={SIZE_CLASSES.map((s) => ({ value: s, label: sizeName(s) }))}
                  onChange={(size?: string) => update({ size: size || undefined })}
                />
              </Form.Item>
            </Col>
            {(
              [
                ['tag', 'filter-tags', t('console.filter.tags'), t('console.filter.any')],
                ['notTag', 'filter-not-tags', t('console.filter.notTags'), t('console.filter.none')],
              ] as const
            ).map(([key, id, label, placeholder]) => (
              <Col key={key} xs={24} md={12} xl={6}>
                <Form.Item label={label} htmlFor={id}>
                  <Select
                    id={id}
                    data-testid={id}
                    mode="multiple"
                    allowClear
                    placeholder={placeholder}
                    value={f[key]}
                    options={tagOptions}
                    onChange={(tags: string[]) => update({ [key]: tags })}
                    maxTagCount="responsive"
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Space wrap>
            <Button onClick={() => setParams(new URLSearchParams())} data-testid="filter-reset">
              {t('console.filter.reset')}
            </Button>
            <Typography.Text type="secondary" role="status">
              {list.data ? t('console.list.found', { n: formatNumber(list.data.total) }) : t('common.loading')}
            </Typography.Text>
          </Space>
        </Form>
      </Card>
      <Table<Listing>
        data-testid="enterprise-table"
        rowKey="uscc"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1100 }}
        onRow={(r) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a,button')) return;
            navigate(`/console/enterprises/${r.uscc}`, { state: back });
          },
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showQuickJumper: true,
          showTotal: (n) => t('console.list.total', { n: formatNumber(n) }),
          onChange: (page, pageSize) =>
            setParams(filterToParams({ ...f, page: pageSize !== f.pageSize ? 1 : page, pageSize })),
        }}
      />
    </Space>
  );
}

/** The search box, which keeps its own text until the search is run (a new URL value remounts it). */
function Search({ value, onSearch }: { value: string | undefined; onSearch(q: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  return (
    <Input.Search
      id="filter-q"
      data-testid="filter-q"
      allowClear
      placeholder={t('console.filter.qPlaceholder')}
      value={text}
      maxLength={60}
      enterButton={t('console.filter.search')}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onSearch(q.trim())}
    />
  );
}

/** A section letter picked from the list, or a code prefix typed (C35, C3562); applied when valid. */
function IndustryInput({
  value,
  onChange,
  options,
}: {
  value: string | undefined;
  onChange(v: string | undefined): void;
  options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  const valid = text === '' || INDUSTRY.test(text.trim());
  const commit = (v: string) => {
    const s = v.trim().toUpperCase();
    if (s === '' || INDUSTRY.test(s)) onChange(s || undefined);
  };
  return (
    <AutoComplete
      id="filter-industry"
      data-testid="filter-industry"
      allowClear
      value={text}
      options={options}
      placeholder={t('console.filter.industryPlaceholder')}
      status={valid ? undefined : 'error'}
      showSearch={{
        filterOption: (input, o) =>
          !input || (o?.label ?? '').toString().toUpperCase().includes(input.trim().toUpperCase()),
      }}
      onChange={(v: string) => {
        setText(v ?? '');
        if (!v) onChange(undefined);
      }}
      onSelect={(v: string) => commit(v)}
      onBlur={() => commit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(text);
      }}
    />
  );
}
