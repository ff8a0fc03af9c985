// The results site's own script: draws each chart from the spec embedded beside it, and filters the
// index's run tables. Plain JavaScript, no framework; the pages read fine without it (tables).
(function () {
  'use strict';

  // Errors are also kept on the page, so that a test (or a person with devtools) can read them.
  window.siteErrors = [];
  window.addEventListener('error', function (event) {
    window.siteErrors.push(String(event.message));
  });

  function drawCharts() {
    var charts = document.querySelectorAll('[data-spec]');
    var pending = charts.length;
    document.body.dataset.charts = pending === 0 ? 'done' : 'drawing';
    charts.forEach(function (element) {
      var spec = JSON.parse(document.getElementById(element.dataset.spec).textContent);
      vegaEmbed(element, spec, { actions: false, renderer: 'svg' })
        .then(function (result) {
          element.view = result.view;
          element.dataset.rendered = 'true';
        })
        .catch(function (error) {
          element.dataset.rendered = 'error';
          window.siteErrors.push(String(error));
          console.error(error);
        })
        .finally(function () {
          pending -= 1;
          if (pending === 0) {
            document.body.dataset.charts = 'done';
          }
        });
    });
  }

  // The index groups runs under a section per category; a section with no run left is hidden too.
  function filterRuns() {
    var runs = document.getElementById('runs');
    var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
    var shown = document.getElementById('shown');
    if (!runs || selects.length === 0) {
      return;
    }
    var rows = Array.prototype.slice.call(runs.querySelectorAll('tbody tr'));
    var sections = Array.prototype.slice.call(runs.querySelectorAll('section'));
    function apply() {
      var count = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return select.value === '' || JSON.parse(row.dataset[select.dataset.filter]).indexOf(select.value) >= 0;
        });
        row.hidden = !visible;
        if (visible) {
          count += 1;
        }
      });
      sections.forEach(function (section) {
        section.hidden = section.querySelector('tbody tr:not([hidden])') === null;
      });
      shown.textContent = count + ' of ' + rows.length + ' runs shown';
    }
    selects.forEach(function (select) {
      select.addEventListener('change', apply);
    });
    apply();
  }

  if (typeof vegaEmbed === 'function') {
    drawCharts();
  } else {
    document.body.dataset.charts = 'done';
  }
  filterRuns();
})();
