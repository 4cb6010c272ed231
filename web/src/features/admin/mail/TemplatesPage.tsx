import { Badge, Grid, Group, NavLink, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../app/components/QueryStates';
import { useStackedColumns } from '../../../app/components/usePhone';
import { useSearchParamsFresh } from '../../../app/useSearchParamsFresh';
import { isLanguage, LANGUAGES } from '../../../i18n';
import { type MailTemplate, useTemplates } from './api';
import { MailHeader } from './MailHeader';
import { TemplateEditor } from './TemplateEditor';

/** /admin/mail/templates?key=…&lang=… — every template key × language, edited one at a time. */
export default function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const query = useTemplates();
  const [params, setParams] = useSearchParamsFresh();
  // Below md the list would stand above the editor, a screen long: a select takes its place.
  const stacked = useStackedColumns();
  // Kept here, not in the editor: the same ticket stays in the preview across templates, languages and saves.
  const [previewTicket, setPreviewTicket] = useState('');
  const items = query.data?.items ?? [];
  const keys = [...new Set(items.map((x) => x.key))];
  const key = keys.includes(params.get('key') ?? '') ? params.get('key')! : keys[0];
  const wanted = params.get('lang') ?? i18n.language;
  const lang = isLanguage(wanted) ? wanted : 'cs';
  const selected: MailTemplate | undefined = items.find((x) => x.key === key && x.language === lang);
  // From the address as it is now: a language picked right after a template, before the page
  // renders again, keeps that template (this render's key would put the previous one back).
  const select = (next: { key?: string; lang?: string }) =>
    setParams((current) => ({ key: next.key ?? current.get('key') ?? key ?? '', lang: next.lang ?? current.get('lang') ?? lang }), { replace: true });
  const keyLabel = (k: string) => t(`admin.mail.templateKeys.${k}`, { defaultValue: k });
  const edited = (k: string) => items.filter((x) => x.key === k && x.overridden).map((x) => x.language);

  return (
    <div data-testid="page-mail-templates">
      <MailHeader />
      {query.isPending ? <LoadingState /> : query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : !selected || !key ? (
        <Paper withBorder><EmptyState title={t('admin.mail.noTemplates')} /></Paper>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            {stacked ? (
              <Select
                label={t('admin.mail.template')}
                value={key}
                onChange={(v) => v && select({ key: v })}
                allowDeselect={false}
                data={keys.map((k) => ({ value: k, label: keyLabel(k) }))}
                data-testid="templates-select"
              />
            ) : (
              <Paper withBorder p={6} data-testid="templates-list">
                <Stack gap={2}>
                  {keys.map((k) => (
                    <NavLink
                      key={k}
                      active={k === key}
                      onClick={() => select({ key: k })}
                      label={keyLabel(k)}
                      description={edited(k).length ? `${t('admin.mail.overridden')}: ${edited(k).join(', ')}` : undefined}
                      styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                      data-testid={`templates-item-${k}`}
                    />
                  ))}
                </Stack>
              </Paper>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
            <Paper withBorder p="md">
              <Group mb="md" gap="sm">
                <Text size="sm" fw={500}>{t('admin.mail.language')}</Text>
                <SegmentedControl
                  value={lang}
                  onChange={(v) => select({ lang: v })}
                  data={LANGUAGES.map((l) => ({
                    value: l,
                    label: (
                      <Group gap={4} wrap="nowrap" data-testid={`template-lang-${l}`}>
                        {t(`languages.${l}`)}
                        {items.some((x) => x.key === key && x.language === l && x.overridden) ? <Badge size="xs" circle color="violet"> </Badge> : null}
                      </Group>
                    ),
                  }))}
                  aria-label={t('admin.mail.language')}
                />
              </Group>
              <TemplateEditor key={`${key}:${lang}:${selected.updatedAt ?? ''}:${selected.overridden}`} template={selected} previewTicket={previewTicket} onPreviewTicketChange={setPreviewTicket} />
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </div>
  );
}
