/*
 * careerplan — the index page's long lists, usable at thousands of plans.
 * Each list shows a page of rows at a time under page controls, and the plans
 * can be searched as you type. It reads only the page itself (the rows, their
 * `data-search`, the messages in data attributes) and requests nothing, so it
 * works opened from disk. It reveals controls the theme rendered hidden:
 * without JavaScript both lists are shown whole. Plain ES2020 in one IIFE, a
 * classic deferred script (module scripts do not load from file://).
 *
 * The markup it works on (templates/partials/pager.hbs, plan-search.hbs):
 *   <nav class="pager" data-rows="#plans-table tbody" data-page-size="25"
 *        data-page="Page {page}" data-range="{from}–{to} of {count}" hidden>
 *   <div class="search" data-rows="#plans-table tbody" hidden>
 *     <input type="search"> <p role="status" data-matches="…{query}…{count}" data-none="…{query}…">
 */
(function () {
  'use strict';

  // Where each list's page is kept in history.state: a reload (the live preview's too) or Back returns to it.
  const stateKey = 'careerplanPages';
  // Page numbers either side of the current one: fewer on a phone, so the controls fit on one line.
  const narrow = window.matchMedia('(max-width: 30rem)');
  // How long typing must pause before the number of matches is announced, so a screen reader is not flooded.
  const announceDelay = 400;
  // A tbody this script pages, and its rows on the current page (style.css hides the others).
  const pagedClass = 'is-paged';
  const shownClass = 'is-shown';

  const numbers = numberFormat(document.documentElement.lang);

  function numberFormat(lang) {
    try {
      return new Intl.NumberFormat(lang || undefined);
    } catch (error) {
      return new Intl.NumberFormat();
    }
  }

  function count(n) {
    return numbers.format(n);
  }

  // A message's `{name}`s filled in; unknown names stay as written, as the theme's labels do.
  function fill(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  // Lower case without accents, so "muller" finds "Müller" and "o'brien" finds "O’Brien".
  function fold(text) {
    return text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
  }

  function savedPages() {
    const state = history.state;
    const pages = state !== null && typeof state === 'object' ? state[stateKey] : undefined;
    return pages !== null && typeof pages === 'object' ? pages : {};
  }

  function savePage(list) {
    try {
      const state = history.state !== null && typeof history.state === 'object' ? history.state : {};
      const pages = Object.assign({}, savedPages());
      pages[list.key] = list.page;
      const next = Object.assign({}, state);
      next[stateKey] = pages;
      history.replaceState(next, '');
    } catch (error) {
      // A page that may not change its history entry still works; it just forgets the page.
    }
  }

  // The page numbers to offer: the first, the last, and `around` either side of the current one; 0 marks a gap.
  function pageNumbers(current, total, around) {
    const slots = 2 * around + 5;
    if (total <= slots) return Array.from({ length: total }, function (_, i) { return i + 1; });
    let from = Math.max(2, current - around);
    let to = Math.min(total - 1, current + around);
    // Keep the number of slots the same wherever the current page is, so the controls do not jump.
    if (from <= 3) {
      from = 2;
      to = slots - 2;
    } else if (to >= total - 2) {
      to = total - 1;
      from = total - slots + 3;
    }
    const middle = [];
    for (let page = from; page <= to; page++) middle.push(page);
    return [1].concat(from > 2 ? [0] : [], middle, to < total - 1 ? [0] : [], [total]);
  }

  function createList(pager) {
    const body = document.querySelector(pager.getAttribute('data-rows'));
    if (!body || body.tagName !== 'TBODY') return undefined;
    const rows = Array.from(body.rows);
    const size = parseInt(pager.getAttribute('data-page-size') || '', 10);
    body.classList.add(pagedClass);
    return {
      key: pager.getAttribute('data-rows'),
      pager: pager,
      table: body.closest('table'),
      rows: rows,
      matches: rows,
      shown: [],
      size: size > 0 ? size : 25,
      page: 1,
    };
  }

  function pageCount(list) {
    return Math.max(1, Math.ceil(list.matches.length / list.size));
  }

  // Shows the current page's rows: in a paged tbody only rows marked shown are displayed (style.css),
  // so a page turn touches the rows of two pages, never all of them.
  function show(list) {
    const pages = pageCount(list);
    list.page = Math.min(Math.max(1, list.page), pages);
    const start = (list.page - 1) * list.size;
    const visible = list.matches.slice(start, start + list.size);
    list.shown.forEach(function (row) {
      row.classList.remove(shownClass);
    });
    visible.forEach(function (row) {
      row.classList.add(shownClass);
    });
    list.shown = visible;
    // No match: the status line says so, instead of a table of column headings alone.
    (list.table.closest('.table-wrap') || list.table).hidden = list.matches.length === 0;
    drawPager(list, pages, start, visible.length);
  }

  function drawPager(list, pages, start, shown) {
    const pager = list.pager;
    pager.hidden = pages <= 1;
    if (pages <= 1) return;
    pager.querySelector('.pager__range').textContent = fill(pager.getAttribute('data-range'), {
      from: count(start + 1),
      to: count(start + shown),
      count: count(list.matches.length),
    });
    const steps = pager.querySelectorAll('.pager__step');
    steps[0].disabled = list.page === 1;
    steps[steps.length - 1].disabled = list.page === pages;

    const items = pager.querySelector('.pager__list');
    items.querySelectorAll('.pager__item').forEach(function (item) {
      item.remove();
    });
    const before = steps[steps.length - 1].closest('li');
    pageNumbers(list.page, pages, narrow.matches ? 1 : 2).forEach(function (page) {
      const item = document.createElement('li');
      item.className = 'pager__item';
      if (page === 0) {
        item.className += ' pager__gap';
        item.setAttribute('aria-hidden', 'true');
        item.textContent = '…';
      } else {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'pager__page';
        button.setAttribute('data-to', String(page));
        button.setAttribute('aria-label', fill(pager.getAttribute('data-page'), { page: count(page) }));
        if (page === list.page) button.setAttribute('aria-current', 'page');
        button.textContent = count(page);
        item.append(button);
      }
      items.insertBefore(item, before);
    });
  }

  // A new page starts at the top of its list: focus goes to the table, which is scrolled into view if it is above.
  function turnTo(list, page) {
    list.page = page;
    show(list);
    savePage(list);
    list.table.setAttribute('tabindex', '-1');
    list.table.focus({ preventScroll: true });
    const top = list.table.closest('section') || list.table;
    if (top.getBoundingClientRect().top < 0) top.scrollIntoView({ block: 'start' });
  }

  function controlPager(list) {
    list.pager.addEventListener('click', function (event) {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!button || button.disabled) return;
      const step = button.getAttribute('data-step');
      turnTo(list, step !== null ? list.page + Number(step) : Number(button.getAttribute('data-to')));
    });
  }

  function controlSearch(box, list) {
    const input = box.querySelector('input');
    const status = box.querySelector('[role="status"]');
    if (!input || !status) return;
    let texts;
    let timer;

    // What a row is found by: its text and its `data-search`, folded once, on the first search.
    function haystacks() {
      if (!texts) {
        texts = list.rows.map(function (row) {
          return fold(row.textContent + ' ' + (row.getAttribute('data-search') || ''));
        });
      }
      return texts;
    }

    function filter() {
      const terms = fold(input.value).split(/\s+/).filter(Boolean);
      if (terms.length === 0) {
        list.matches = list.rows;
        return;
      }
      const found = haystacks();
      list.matches = list.rows.filter(function (row, i) {
        return terms.every(function (term) {
          return found[i].includes(term);
        });
      });
    }

    function announce() {
      const query = input.value.trim();
      const n = list.matches.length;
      status.textContent = query === '' ? '' : fill(status.getAttribute(n === 0 ? 'data-none' : 'data-matches'), { query: query, count: count(n) });
    }

    // Folding thousands of rows takes a moment: do it when the box is focused, before the first key.
    input.addEventListener('focus', haystacks);
    input.addEventListener('input', function () {
      filter();
      list.page = 1;
      show(list);
      savePage(list);
      clearTimeout(timer);
      timer = setTimeout(announce, announceDelay);
    });
    box.hidden = false;
    // The browser may have put back what was typed before a reload or Back.
    if (input.value.trim() !== '') {
      filter();
      announce();
    }
  }

  const lists = new Map();
  document.querySelectorAll('nav.pager[data-rows]').forEach(function (pager) {
    const list = createList(pager);
    if (list) lists.set(list.key, list);
  });
  document.querySelectorAll('.search[data-rows]').forEach(function (box) {
    const list = lists.get(box.getAttribute('data-rows'));
    if (list) controlSearch(box, list);
  });
  const saved = savedPages();
  lists.forEach(function (list) {
    if (Number.isInteger(saved[list.key])) list.page = saved[list.key];
    controlPager(list);
    show(list);
  });
  narrow.addEventListener('change', function () {
    lists.forEach(show);
  });
  // From now on only paged lists hide rows (style.css showed the first rows of every list until now).
  document.documentElement.classList.add('lists-ready');
})();
