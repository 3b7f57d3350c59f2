/** Selects a cell of a sheet (a finding's, so a person can fix it). One sync. */
export async function selectCell(context: Excel.RequestContext, place: { sheet: string; cell: string | null }): Promise<void> {
  if (!place.cell) return;
  const sheet = context.workbook.worksheets.getItem(place.sheet);
  sheet.activate();
  sheet.getRange(place.cell).select();
  await context.sync();
}
