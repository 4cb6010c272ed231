import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { formatDate, formatDateTime } from '../../app/format';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { documentPdfUrl, type StockDocument, useDocument, useStockCurrency } from './api';
import { documentTitle } from './DocumentBadges';
import { KIND_PATHS } from './model';
import './warehouse.css';
import { quantityLabel, stockMoney } from './units';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" fw={500} data-testid={testId}>{children}</Text>
    </div>
  );
}

const money = stockMoney;

/**
 * An issue slip or return names the currency its costs are kept in (not always its sale
 * currency); other documents are valued in the stock's currency (the provider's).
 */
const costCurrencyOf = (doc: StockDocument, stockCurrency: string | null) => doc.costCurrency ?? stockCurrency;

/**
 * The lines on a phone: one card a line, the quantity beside the item, so nothing
 * hides beyond the right edge (a table would need sideways scrolling there).
 */
function LineCards({ doc, costs, currency }: { doc: StockDocument; costs: boolean; currency: string | null }) {
  const { t } = useTranslation();
  const costCurrency = costCurrencyOf(doc, currency);
  return (
    <RowCards testId="document-view-lines">
      {(doc.lines ?? []).map((l, i) => (
        <RowCard
          key={l.id}
          testId={`document-line-${i}`}
          data-quantity={l.quantity}
          head={(
            <>
              <Anchor component={Link} to={`/warehouse/items/${l.itemId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{l.itemName}</Anchor>
              <Text size="xs" c="dimmed" className="mono">{l.itemCode}</Text>
            </>
          )}
          headEnd={<Text size="sm" fw={600} className="wh-num" data-testid={`document-line-${i}-quantity`}>{quantityLabel(t, l.quantity, l.unit)}</Text>}
          body={costs || l.serials.length ? (
            <>
              {doc.kind === 'receipt' && costs ? <Text size="xs" c="dimmed">{t('warehouse.fields.unitPrice')}: {money(l.unitPriceMinor, currency)}</Text> : null}
              {costs ? <Text size="xs" c="dimmed">{t('warehouse.fields.cost')}: {money(l.costMinor, costCurrency)}</Text> : null}
              {l.serials.length ? <Text size="xs" className="mono" style={{ overflowWrap: 'anywhere' }}>{t('warehouse.fields.serials')}: {l.serials.join(', ')}</Text> : null}
            </>
          ) : null}
        />
      ))}
      {costs && doc.totalCostMinor !== undefined && doc.totalCostMinor !== null ? (
        <RowCard
          head={<Text size="sm" fw={600}>{t('warehouse.fields.total')}</Text>}
          headEnd={<Text size="sm" fw={600} className="wh-num" data-testid="document-total-cost">{money(doc.totalCostMinor, costCurrency)}</Text>}
        />
      ) : null}
    </RowCards>
  );
}

/** A confirmed document, read-only: what moved, at what cost (costs scope), the slip to print, a return. */
export function DocumentView({ doc }: { doc: StockDocument }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const currency = useStockCurrency();
  const returned = useDocument(doc.returnsDocumentId ?? NaN);
  const costs = me.fieldScope.costs;
  // Everyone who sees the slip may print it; the PDF leaves out costs for roles that do not see them.
  const printable = doc.kind === 'issue' || doc.kind === 'return';
  const mayReturn = doc.kind === 'issue' && can('stock.issue');
  const phone = usePhone();
  return (
    <Stack gap="md" data-testid="document-view" data-kind={doc.kind} data-state={doc.state}>
      <Group gap="sm">
        {printable ? (
          <Button component="a" href={documentPdfUrl(doc.id)} target="_blank" rel="noopener" leftSection={<IconPrinter size={16} />} data-testid="document-pdf">
            {doc.kind === 'return' ? t('warehouse.documents.printReturn') : t('warehouse.documents.printSlip')}
          </Button>
        ) : null}
        {mayReturn ? (
          <Button component={Link} to={`/warehouse/${KIND_PATHS.return}/new?returns=${doc.id}`} variant="default" leftSection={<IconArrowBackUp size={16} />} data-testid="document-return">
            {t('warehouse.documents.return')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label={t('warehouse.fields.date')}>{formatDate(doc.date)}</Fact>
          <Fact label={doc.kind === 'transfer' ? t('warehouse.fields.fromTo') : t('warehouse.fields.warehouse')} testId="document-view-warehouse">
            {doc.targetWarehouse ? `${doc.warehouse.name} → ${doc.targetWarehouse.name}` : doc.warehouse.name}
          </Fact>
          {doc.ticket ? (
            <Fact label={t('warehouse.fields.ticket')}>
              <Anchor component={Link} to={`/tickets/${doc.ticket.id}`} size="sm">{doc.ticket.number} · {doc.ticket.subject}</Anchor>
            </Fact>
          ) : null}
          {doc.supplier ? <Fact label={t('warehouse.fields.supplier')}>{doc.supplier}</Fact> : null}
          {doc.supplierDocumentNumber ? <Fact label={t('warehouse.fields.supplierDocumentNumber')}>{doc.supplierDocumentNumber}</Fact> : null}
          {doc.returnsDocumentId !== null ? (
            <Fact label={t('warehouse.fields.returnsDocument')}>
              <Anchor component={Link} to={`/warehouse/documents/${doc.returnsDocumentId}`} size="sm" data-testid="document-returns-link">{returned.data ? documentTitle(t, returned.data) : doc.returnsDocumentId}</Anchor>
            </Fact>
          ) : null}
          {doc.reason ? <Fact label={t('warehouse.fields.reason')}>{doc.reason}</Fact> : null}
          {doc.confirmedAt ? <Fact label={t('warehouse.fields.confirmedAt')}>{formatDateTime(doc.confirmedAt)}{doc.confirmedBy ? ` · ${doc.confirmedBy.name}` : ''}</Fact> : null}
        </SimpleGrid>
        {doc.note ? <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}>{doc.note}</Text> : null}
      </Paper>
      <Paper withBorder>
        {phone ? <LineCards doc={doc} costs={costs} currency={currency} /> : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="document-view-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.fields.code')}</Table.Th>
                <Table.Th>{t('warehouse.fields.item')}</Table.Th>
                <Table.Th className="wh-num">{doc.kind === 'count' ? t('warehouse.fields.counted') : t('warehouse.fields.quantity')}</Table.Th>
                {doc.kind === 'receipt' && costs ? <Table.Th className="wh-num">{t('warehouse.fields.unitPrice')}</Table.Th> : null}
                {costs ? <Table.Th className="wh-num">{t('warehouse.fields.cost')}</Table.Th> : null}
                <Table.Th>{t('warehouse.fields.serials')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(doc.lines ?? []).map((l, i) => (
                <Table.Tr key={l.id} data-testid={`document-line-${i}`} data-quantity={l.quantity}>
                  <Table.Td><Text size="sm" className="mono">{l.itemCode}</Text></Table.Td>
                  <Table.Td><Anchor component={Link} to={`/warehouse/items/${l.itemId}`} size="sm">{l.itemName}</Anchor></Table.Td>
                  <Table.Td className="wh-num">{quantityLabel(t, l.quantity, l.unit)}</Table.Td>
                  {doc.kind === 'receipt' && costs ? <Table.Td className="wh-num">{money(l.unitPriceMinor, currency)}</Table.Td> : null}
                  {costs ? <Table.Td className="wh-num">{money(l.costMinor, costCurrencyOf(doc, currency))}</Table.Td> : null}
                  <Table.Td><Text size="xs" className="mono">{l.serials.join(', ') || '—'}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            {costs && doc.totalCostMinor !== undefined && doc.totalCostMinor !== null ? (
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={doc.kind === 'receipt' ? 4 : 3}>{t('warehouse.fields.total')}</Table.Th>
                  <Table.Th className="wh-num" data-testid="document-total-cost">{money(doc.totalCostMinor, costCurrencyOf(doc, currency))}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            ) : null}
          </Table>
        </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
