/**
 * Makes tables marked data-sortable sortable by any column: each header gets a button, rows are
 * ordered by their cells' data-sort values (numbers when they parse), and aria-sort says how.
 */
for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  const headers = [...table.tHead!.rows[0].cells];
  headers.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'font-semibold underline decoration-dotted';
    button.title = table.dataset.sortLabel ?? '';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0];
      const key = (row: HTMLTableRowElement) => row.cells[column].dataset.sort ?? row.cells[column].textContent ?? '';
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        // Withheld or missing values stay at the bottom whichever way the column is sorted.
        if (x === '' || y === '') return Number(x === '') - Number(y === '');
        const [nx, ny] = [Number(x), Number(y)];
        const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y, document.documentElement.lang);
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}
