import { Badge, Button, Group, Tooltip } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errors';
import { formatNumber } from '../../app/format';
import { useVerifyChain } from './api';

/** Checks the audit log's hash chain on demand and shows the verdict. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  const result = verify.data;
  return (
    <Group gap="xs">
      {result ? (
        <Tooltip label={t('audit.verifiedAt', { count: formatNumber(result.checked) })}>
          <Badge
            size="lg"
            tt="none"
            variant="light"
            color={result.ok ? 'green' : 'red'}
            leftSection={result.ok ? <IconShieldCheck size={14} /> : <IconShieldX size={14} />}
            data-testid="audit-verify-result"
            data-ok={String(result.ok)}
            role="status"
          >
            {result.ok
              ? t('audit.chainOk', { count: formatNumber(result.checked) })
              : t('audit.chainBroken', { id: result.firstBrokenId ?? '?' })}
          </Badge>
        </Tooltip>
      ) : verify.isError ? (
        <Badge size="lg" tt="none" color="red" variant="light" data-testid="audit-verify-result" data-ok="error" role="status">
          {errorMessage(t, verify.error)}
        </Badge>
      ) : null}
      <Button variant="default" leftSection={<IconShieldCheck size={16} />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
        {t('audit.verify')}
      </Button>
    </Group>
  );
}
