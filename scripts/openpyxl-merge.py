"""What a clerk would write without Planbook: add up the returned city workbooks with openpyxl.

    python3 scripts/openpyxl-merge.py <summary.xlsx> <file.xlsx>...

Each file is opened read-only (openpyxl's fastest mode, values only); on its first sheet the
header row is found by the titles 编号 and 累计完成, and each quota's 累计完成 is added to its
total. The totals are written to <summary.xlsx> (one row per quota id) and their grand total
printed, so `npm run bench` can check the script added up the same cells as Planbook.
"""
import sys

from openpyxl import Workbook, load_workbook


def add_up(path, totals):
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        id_column = cumulative_column = None
        for row in rows:
            if id_column is None:
                titles = [str(value).strip() if value is not None else "" for value in row]
                if "编号" in titles and "累计完成" in titles:
                    id_column, cumulative_column = titles.index("编号"), titles.index("累计完成")
                continue
            if len(row) <= cumulative_column:
                continue
            quota, value = row[id_column], row[cumulative_column]
            if quota is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
                totals[quota] = totals.get(quota, 0) + value
    finally:
        workbook.close()


def main(out, files):
    totals = {}
    for path in files:
        add_up(path, totals)
    summary = Workbook(write_only=True)
    sheet = summary.create_sheet("汇总")
    sheet.append(["编号", "累计完成"])
    for quota, total in totals.items():
        sheet.append([quota, total])
    summary.save(out)
    print(sum(totals.values()))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: python3 scripts/openpyxl-merge.py <summary.xlsx> <file.xlsx>...")
    main(sys.argv[1], sys.argv[2:])
