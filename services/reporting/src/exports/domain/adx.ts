import { ExportSubject } from './export-table';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The ADX period of an as-of figure: the day itself, as ISO 8601 start and duration. */
export const adxPeriod = (asOf: string): string => `${asOf}/P1D`;

/**
 * IHE ADX: one `<group>` per org unit (its code) and period, one `<dataValue>` per indicator (its code as
 * the data element). Values that cannot be computed (denominator 0) are left out, as ADX has no null.
 */
export function toAdx(subject: ExportSubject, exported: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<adx xmlns="${ADX_NAMESPACE}" exported="${escapeXml(exported)}">`];
  for (const unit of subject.units) {
    lines.push(`  <group orgUnit="${escapeXml(unit.orgUnit)}" period="${adxPeriod(subject.asOf)}" completeDate="${subject.asOf}">`);
    for (const i of unit.indicators) {
      if (i.value !== null) lines.push(`    <dataValue dataElement="${escapeXml(i.code)}" value="${i.value}"/>`);
    }
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return `${lines.join('\n')}\n`;
}
