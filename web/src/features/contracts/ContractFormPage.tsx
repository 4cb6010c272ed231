import { ActionIcon, Alert, Button, Checkbox, Divider, Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { applyFormErrors, errorMessage } from '../../app/api/errors';
import { isApiError } from '../../app/api/client';
import { DraftNotice } from '../../app/components/DraftNotice';
import { focusFirstInvalid } from '../../app/components/focusInvalid';
import { NumberField } from '../../app/components/NumberField';
import { pickerProps } from '../../app/components/pickerProps';
import { usePhone } from '../../app/components/usePhone';
import { ErrorState, LoadingState, NotFoundState } from '../../app/components/QueryStates';
import { recordIdFrom } from '../../app/components/recordId';
import { useNotFoundText } from '../../app/components/RecordPage';
import { PageHeader } from '../../app/components/PageHeader';
import { percentSuffix, todayIso } from '../../app/format';
import { useFormDraft } from '../../app/useFormDraft';
import { useSlaPolicies } from '../admin/sla/api';
import { usePriceLists } from '../pricing/api';
import { currencySymbol } from '../pricing/money';
import { currencyOptions } from '../clients/reference';
import { useUnitFees, useWorkTypes } from '../pricing/catalogueApi';
import { ClientPicker } from '../tickets/Pickers';
import { PERIOD_KINDS, TIME_CLASSES, useContract, useSaveContract, type Contract } from './api';
import { contractDraftKey, isUntouchedContract, readContractDraft } from './contractDraft';
import { contractFormProblems, contractFormWarnings, emptyContractForm, formOfContract, formPathOf, termsOfForm, type ContractFormValues } from './contractForm';
import { DateField } from '../../app/components/DateFields';
// The user's own day, not UTC's: after midnight in Prague a new contract starts today, not yesterday.

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">{title}</Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** Terms that are allowed but likely not meant: said beside them, the save is not refused. */
function Warning({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Alert color="yellow" p="xs" icon={<IconAlertTriangle size={18} />} data-testid={testId}>
      <Text size="sm">{children}</Text>
    </Alert>
  );
}

/** /contracts/new and /contracts/:id/edit — every term of a contract. */
export default function ContractFormPage() {
  const params = useParams();
  const id = recordIdFrom(params.id);
  const existing = useContract(id);
  const notFound = useNotFoundText('contracts.notFound', '/contracts');
  // Discarding the draft opens the form anew; so does another version of the contract arriving
  // (the form shows it, and a draft typed on the older one is then stale, see contractDraft.ts).
  const [opened, setOpened] = useState(0);
  // /contracts/abc/edit names no contract: "not found", not an empty new-contract form.
  if (params.id !== undefined && id === null) return <NotFoundState notFound={notFound} />;
  if (id !== null && existing.isPending) return <LoadingState />;
  if (id !== null && existing.isError) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} notFound={notFound} />;
  const contract = existing.data ?? null;
  return <ContractForm key={`${contract?.id ?? 'new'}.${contract?.version ?? ''}.${opened}`} contract={contract} onDiscarded={() => setOpened((n) => n + 1)} />;
}

function ContractForm({ contract, onDiscarded }: { contract: Contract | null; onDiscarded: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveContract(contract?.id ?? null);
  const phone = usePhone();
  const [problems, setProblems] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save (by the checks here or by the server) the user lands on what needs fixing,
  // however far down the long form it is.
  const focusError = () => focusFirstInvalid(formRef.current);
  // What was typed and not saved comes back after leaving the form or a reload, on the same version only.
  const [untouched] = useState(() => (contract ? formOfContract(contract) : emptyContractForm(todayIso())));
  const draft = useFormDraft({ key: contractDraftKey(contract?.id ?? null), read: readContractDraft, version: contract?.version ?? null });
  const form = useForm<ContractFormValues>({
    initialValues: draft.restored ?? untouched,
    // Everything the browser can check is marked at once; the server's answer adds what only it knows.
    validate: (values) => Object.fromEntries(Object.entries(contractFormProblems(values)).map(([path, p]) => [path, t(p.key, p.values)])),
  });
  const workTypes = useWorkTypes('all');
  const unitFees = useUnitFees('all');
  const priceLists = usePriceLists('all');
  const policies = useSlaPolicies();
  const { keep } = draft;
  useEffect(() => keep(form.values, !isUntouchedContract(form.values, untouched)), [keep, form.values, untouched]);

  const v = form.values;
  // Amounts and multipliers as the user's locale writes them (Czech and Slovak: "10 000,50").
  // Negatives are let through to the fields: the checks above refuse a -1 there with its own reason.
  const money = { decimalScale: 2, allowNegative: true };
  const factor = { decimalScale: 3, allowNegative: true };
  const warnings = contractFormWarnings(v);
  const zeroMultiplierNames = [
    ...warnings.zeroTimeClasses.map((k) => t(`contracts.timeClasses.${k}`)),
    ...warnings.zeroWorkTypeIds.map((wt) => workTypes.data?.find((w) => String(w.id) === wt)?.name ?? wt),
  ];
  const options = <T extends { id: number; name: string; active: boolean }>(items: T[] | undefined, keep: string[]) =>
    (items ?? []).filter((i) => i.active || keep.includes(String(i.id))).map((i) => ({ value: String(i.id), label: i.name }));
  // Kontor's currencies only (a typed code could be one the server refuses); a stored one outside them stays shown.
  const currencies = currencyOptions(contract?.currency);
  // "(Kč)" beside an amount's label, as the amounts themselves are written.
  const currency = currencySymbol(v.currency);
  const workTypeOptions = options(workTypes.data, [...v.workTypeIds, ...v.workTypeMultipliers.map((m) => m.workTypeId)]);
  const submit = form.onSubmit((values) => {
    setProblems([]);
    const body = termsOfForm(values);
    save.mutate(contract ? { ...body, version: contract.version } : body, {
      onSuccess: (saved) => {
        draft.forget();
        navigate(`/contracts/${saved.id}`);
      },
      onError: (e) => {
        const mapped = isApiError(e) ? Object.fromEntries(e.details.map((d) => [d.path, formPathOf(d.path)])) : {};
        const left = applyFormErrors(form, e, t, mapped);
        setProblems(left.length ? left : [errorMessage(t, e)]);
        focusError();
      },
    });
  }, focusError);

  return (
    <div data-testid="page-contract-form">
      <PageHeader title={contract ? t('contracts.editTitle', { number: contract.number }) : t('contracts.new')} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {draft.notice ? (
            <DraftNotice
              kind={draft.notice}
              message={draft.notice === 'stale' ? t('contracts.draft.stale') : t('contracts.draft.restored')}
              testId="contract-draft"
              onDiscard={() => { draft.forget(); onDiscarded(); }}
            />
          ) : null}
          <Section title={t('contracts.sections.basics')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {/* A new contract starts in its first field, as a new ticket does; not on a phone, where the focused picker opens its list over the form. */}
              <ClientPicker label={t('contracts.fields.client')} required autoFocus={contract === null && !phone} value={v.clientId ? Number(v.clientId) : null} onChange={(c) => form.setFieldValue('clientId', c === null ? null : String(c))} error={form.errors.clientId} data-testid="contract-client" />
              <TextInput label={t('contracts.fields.number')} required autoComplete="off" {...form.getInputProps('number')} data-testid="contract-number" />
              <TextInput label={t('contracts.fields.name')} required autoComplete="off" {...form.getInputProps('name')} data-testid="contract-name" />
              <Select label={t('contracts.fields.currency')} required allowDeselect={false} {...pickerProps({ error: form.errors.currency })} nothingFoundMessage={t('common.nothingFound')}
                data={currencies} {...form.getInputProps('currency')} data-testid="contract-currency" />
              <DateField label={t('contracts.fields.validFrom')} required {...form.getInputProps('validFrom')} data-testid="contract-validFrom" />
              <DateField clearable label={t('contracts.fields.validTo')} description={t('contracts.hints.validTo')} {...form.getInputProps('validTo')} data-testid="contract-validTo" />
              <Select label={t('contracts.fields.periodKind')} allowDeselect={false} {...pickerProps({ error: form.errors.periodKind, searchable: false })} data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`contracts.periodKinds.${k}`) }))} {...form.getInputProps('periodKind')} data-testid="contract-periodKind" />
              <Select label={t('contracts.fields.priceList')} description={t('contracts.hints.priceList')} clearable placeholder={t('contracts.clientPriceList')}
                {...pickerProps({ error: form.errors.priceListId })} nothingFoundMessage={t('common.nothingFound')}
                data={options(priceLists.data, v.priceListId ? [v.priceListId] : []).map((o) => ({ ...o, label: `${o.label} (${priceLists.data?.find((p) => String(p.id) === o.value)?.currency ?? ''})` }))}
                {...form.getInputProps('priceListId')} data-testid="contract-priceList" />
              <Select label={t('contracts.fields.slaPolicy')} description={t('contracts.hints.slaPolicy')} clearable placeholder={t('contracts.clientSla')}
                {...pickerProps({ error: form.errors.slaPolicyId })} nothingFoundMessage={t('common.nothingFound')}
                data={options(policies.data?.items, v.slaPolicyId ? [v.slaPolicyId] : [])} {...form.getInputProps('slaPolicyId')} data-testid="contract-slaPolicy" />
            </SimpleGrid>
          </Section>

          <Section title={t('contracts.fields.fee')}>
            <Switch label={t('contracts.hasFee')} {...form.getInputProps('hasFee', { type: 'checkbox' })} data-testid="contract-hasFee" />
            {v.hasFee ? (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <NumberField label={t('contracts.fields.feeAmount', { currency })} {...money} {...form.getInputProps('fee')} data-testid="contract-fee" />
                <NumberField label={t('contracts.fields.vatPct')} decimalScale={2} allowNegative suffix={percentSuffix()} {...form.getInputProps('feeVatPct')} data-testid="contract-feeVat" />
                <Select label={t('contracts.fields.timing')} allowDeselect={false} {...pickerProps({ error: form.errors.feeTiming, searchable: false })} data={(['in_arrears', 'in_advance'] as const).map((k) => ({ value: k, label: t(`contracts.timing.${k}`) }))} {...form.getInputProps('feeTiming')} data-testid="contract-feeTiming" />
                <Checkbox mt={30} label={t('contracts.fields.prorate')} {...form.getInputProps('feeProrate', { type: 'checkbox' })} data-testid="contract-feeProrate" />
              </SimpleGrid>
            ) : null}
          </Section>

          <Section title={t('contracts.fields.scope')}>
            <Text size="sm" c="dimmed">{t('contracts.hints.scope')}</Text>
            <MultiSelect label={t('contracts.fields.workTypes')} {...pickerProps({ error: form.errors.workTypeIds })} nothingFoundMessage={t('common.nothingFound')} data={workTypeOptions} {...form.getInputProps('workTypeIds')} data-testid="contract-workTypes" />
            <Checkbox label={t('contracts.fields.coversTravel')} {...form.getInputProps('coversTravel', { type: 'checkbox' })} data-testid="contract-coversTravel" />
            <MultiSelect label={t('contracts.fields.unitFees')} {...pickerProps({ error: form.errors.unitFeeIds })} nothingFoundMessage={t('common.nothingFound')} data={options(unitFees.data, v.unitFeeIds)} {...form.getInputProps('unitFeeIds')} data-testid="contract-unitFees" />
          </Section>

          <Section title={t('contracts.sections.prepaid')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberField label={t('contracts.fields.prepaidMinutes')} description={t('contracts.hints.prepaid')} allowDecimal={false} {...form.getInputProps('prepaidMinutes')} data-testid="contract-prepaid" />
            </SimpleGrid>
            {warnings.prepaidWithoutScope ? <Warning testId="contract-warning-prepaid-unused">{t('contracts.warnings.prepaidWithoutScope')}</Warning> : null}
            <Switch label={t('contracts.fields.carryOver')} {...form.getInputProps('carryOver', { type: 'checkbox' })} data-testid="contract-carryOver" />
            {v.carryOver ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberField label={t('contracts.fields.carryCap')} description={t('contracts.hints.carryCap')} allowDecimal={false} {...form.getInputProps('carryCap')} data-testid="contract-carryCap" />
                <NumberField label={t('contracts.fields.carryLife')} description={t('contracts.hints.carryLife')} allowDecimal={false} {...form.getInputProps('carryLife')} data-testid="contract-carryLife" />
              </SimpleGrid>
            ) : null}
            <Divider label={t('contracts.fields.multipliers')} labelPosition="left" />
            <Text size="sm" c="dimmed">{t('contracts.hints.multipliers')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {TIME_CLASSES.map((k) => (
                <NumberField key={k} label={t(`contracts.timeClasses.${k}`)} placeholder="1" {...factor} {...form.getInputProps(`timeClassMultipliers.${k}`)} data-testid={`contract-multiplier-${k}`} />
              ))}
            </SimpleGrid>
            {v.workTypeMultipliers.map((_m, i) => (
              <Group key={i} align="flex-end" wrap="nowrap">
                <Select label={t('contracts.fields.workType')} data={workTypeOptions} {...pickerProps({ error: form.errors[`workTypeMultipliers.${i}.workTypeId`] })} nothingFoundMessage={t('common.nothingFound')} allowDeselect={false} style={{ flex: 2 }} {...form.getInputProps(`workTypeMultipliers.${i}.workTypeId`)} data-testid={`contract-wtm-type-${i}`} />
                <NumberField label={t('contracts.fields.factor')} style={{ flex: 1 }} {...factor} {...form.getInputProps(`workTypeMultipliers.${i}.factor`)} data-testid={`contract-wtm-factor-${i}`} />
                <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('contracts.remove')} onClick={() => form.removeListItem('workTypeMultipliers', i)}><IconTrash size={16} /></ActionIcon>
              </Group>
            ))}
            {form.errors.workTypeMultipliers ? <Text size="sm" c="red">{form.errors.workTypeMultipliers}</Text> : null}
            {zeroMultiplierNames.length ? <Warning testId="contract-warning-zero-multiplier">{t('contracts.warnings.zeroMultiplier', { names: zeroMultiplierNames.join(', ') })}</Warning> : null}
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('workTypeMultipliers', { workTypeId: '', factor: 1.5 })} data-testid="contract-wtm-add">{t('contracts.addMultiplier')}</Button>
            </Group>
          </Section>

          <Section title={t('contracts.fields.overage')}>
            <SegmentedControl
              value={v.overageKind}
              onChange={(k) => form.setFieldValue('overageKind', k as ContractFormValues['overageKind'])}
              data={(['entry_rate', 'flat_rate', 'tiered'] as const).map((k) => ({ value: k, label: t(`contracts.overage.${k}`) }))}
              aria-label={t('contracts.fields.overage')}
              data-testid="contract-overageKind"
            />
            <Text size="sm" c="dimmed">{t(`contracts.overageHints.${v.overageKind}`)}</Text>
            {v.overageKind === 'flat_rate' ? (
              <NumberField label={t('contracts.fields.ratePerHour', { currency })} w={240} {...money} {...form.getInputProps('flatRate')} data-testid="contract-flatRate" />
            ) : null}
            {v.overageKind === 'tiered' ? (
              <Stack gap="xs" data-testid="contract-bands">
                {v.bands.map((_b, i) => (
                  <Group key={i} align="flex-end" wrap="nowrap">
                    <NumberField label={t('contracts.bands.minutes', { n: i + 1 })} placeholder={t('contracts.bands.rest')} allowDecimal={false} style={{ flex: 1 }} {...form.getInputProps(`bands.${i}.minutes`)} data-testid={`contract-band-minutes-${i}`} />
                    <NumberField label={t('contracts.fields.ratePerHour', { currency })} style={{ flex: 1 }} {...money} {...form.getInputProps(`bands.${i}.rate`)} data-testid={`contract-band-rate-${i}`} />
                    <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('contracts.remove')} disabled={v.bands.length === 1} onClick={() => form.removeListItem('bands', i)}><IconTrash size={16} /></ActionIcon>
                  </Group>
                ))}
                <Text size="xs" c="dimmed">{t('contracts.bands.hint')}</Text>
                {form.errors.bands ? <Text size="sm" c="red" role="alert">{form.errors.bands}</Text> : null}
                <Group>
                  <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('bands', { minutes: '', rate: '' }, Math.max(0, v.bands.length - 1))} data-testid="contract-band-add">{t('contracts.bands.add')}</Button>
                </Group>
              </Stack>
            ) : null}
          </Section>

          <Section title={t('contracts.sections.other')}>
            <Switch label={t('contracts.fields.ownInvoice')} description={t('contracts.hints.ownInvoice')} {...form.getInputProps('ownInvoice', { type: 'checkbox' })} data-testid="contract-ownInvoice" />
            <Switch label={t('contracts.fields.alertClient')} description={t('contracts.hints.alertClient')} {...form.getInputProps('alertClient', { type: 'checkbox' })} data-testid="contract-alertClient" />
            <Switch label={t('contracts.active')} description={t('contracts.hints.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="contract-active" />
            <Textarea label={t('contracts.fields.note')} autosize minRows={2} {...form.getInputProps('note')} data-testid="contract-note" />
          </Section>

          {problems.length ? (
            <Alert color="red" role="alert" data-testid="contract-form-error">
              {problems.map((p) => <Text key={p} size="sm">{p}</Text>)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={contract ? `/contracts/${contract.id}` : '/contracts'}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="contract-save">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </div>
  );
}
