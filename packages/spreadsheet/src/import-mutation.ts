/** The batch mutation an import kind calls: `field` takes rows of `rowType`; each row's result also names `rowFields` (e.g. "productId"). */
export const importMutation = (
  field: string,
  rowType: string,
  rowFields: string,
) => /* GraphQL */ `mutation Import($rows: [${rowType}!]!, $dryRun: Boolean!, $skipInvalid: Boolean!) {
  ${field}(rows: $rows, dryRun: $dryRun, skipInvalid: $skipInvalid) {
    written
    rows { index outcome ${rowFields} problems { field reason message } }
  }
}`;
