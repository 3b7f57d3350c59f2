// What Planbook's reader is measured against in `npm run bench`: ExcelJS, bare, opening each file
// in turn and adding up the 累计完成 column of its first sheet, as a script without Planbook would.
//     node scripts/exceljs-read.js <file.xlsx>...
// Prints the total, so the benchmark can check it read the same cells.
const ExcelJS = require("exceljs");

async function main(files) {
  let total = 0;
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    let column = null;
    workbook.worksheets[0].eachRow((row) => {
      if (column === null) {
        const titles = row.values.map((value) => String(value ?? "").trim());
        if (titles.includes("编号") && titles.includes("累计完成")) column = titles.indexOf("累计完成");
        return;
      }
      const value = row.getCell(column).value;
      if (typeof value === "number") total += value;
    });
  }
  console.log(total);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
