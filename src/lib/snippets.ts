/** Short, copyable snippets that read a published Parquet file in DuckDB, Python and R. */
export function snippets(file: string): { label: string; code: string }[] {
  return [
    { label: 'DuckDB', code: `SELECT year, standard, poor, near_poor\nFROM '${file}'\nWHERE level = 'province'\nORDER BY standard, year;` },
    {
      label: 'Python',
      code: `import duckdb\n\ndf = duckdb.sql("SELECT * FROM '${file}' WHERE level = 'commune'").df()\nprint(df.head())`,
    },
    { label: 'R', code: `library(arrow)\n\npoverty <- read_parquet("${file}")\nsubset(poverty, level == "province")` },
  ];
}
