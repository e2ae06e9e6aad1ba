// Draws the report's charts from the JSON block. Strings from the data are only ever drawn on canvases or
// set as textContent, never parsed as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00',
    '#b82e2e', '#316395', '#994499', '#22aa99'];
  var MAX_PANELS = 16;
  var charts = 0;
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 11;

  function panel(parentId, heading) {
    var div = document.createElement('div');
    div.className = 'panel';
    var h = document.createElement('h3');
    h.textContent = heading;
    div.appendChild(h);
    var box = document.createElement('div');
    box.style.position = 'relative';
    box.style.height = '240px';
    var canvas = document.createElement('canvas');
    box.appendChild(canvas);
    div.appendChild(box);
    document.getElementById(parentId).appendChild(div);
    return canvas;
  }

  function empty(parentId, text) {
    var p = document.createElement('p');
    p.className = 'note';
    p.textContent = text;
    document.getElementById(parentId).appendChild(p);
  }

  function draw(canvas, config) {
    config.options = config.options || {};
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    new Chart(canvas, config);
    charts++;
  }

  function groupBy(rows, key) {
    var out = {};
    rows.forEach(function (r) { (out[r[key]] = out[r[key]] || []).push(r); });
    return out;
  }

  function totalMentions(rows) {
    return rows.reduce(function (s, r) { return s + r.mentions; }, 0);
  }

  var allTime = data.summary.filter(function (r) { return r.period === 'all'; });
  var byActor = groupBy(allTime, 'actorId');
  var actors = Object.keys(byActor).sort(function (a, b) {
    return totalMentions(byActor[b]) - totalMentions(byActor[a]) || (a < b ? -1 : 1);
  });
  var byOutlet = groupBy(allTime, 'outlet');
  var outlets = Object.keys(byOutlet).sort(function (a, b) {
    return totalMentions(byOutlet[b]) - totalMentions(byOutlet[a]) || (a < b ? -1 : 1);
  });

  // 1. Sentiment toward each actor by outlet: interval as a floating bar, mean as a point.
  actors.slice(0, MAX_PANELS).forEach(function (actor) {
    var rows = byActor[actor].filter(function (r) { return r.mean !== null; })
      .sort(function (a, b) { return a.outlet < b.outlet ? -1 : 1; });
    if (rows.length === 0) { return; }
    var name = rows[0].actorName || actor;
    draw(panel('sentiment', name), {
      data: {
        labels: rows.map(function (r) { return r.outlet; }),
        datasets: [{
          type: 'bar', label: '95% interval',
          data: rows.map(function (r) { return r.ciLow === null ? null : [r.ciLow, r.ciHigh]; }),
          backgroundColor: rows.map(function (r) { return r.lowSupport ? 'rgba(51,102,204,0.15)' : 'rgba(51,102,204,0.45)'; }),
          barPercentage: 0.5
        }, {
          type: 'line', label: 'mean', showLine: false, pointRadius: 5, pointStyle: 'rectRot',
          data: rows.map(function (r) { return r.mean; }), borderColor: '#1d2330', backgroundColor: '#1d2330'
        }]
      },
      options: { scales: { y: { title: { display: true, text: 'target sentiment' } } },
        plugins: { legend: { display: false } } }
    });
  });
  if (actors.length === 0) { empty('sentiment', 'No tracked actor was mentioned.'); }

  // 2. Share of voice over time, one panel per outlet, the most mentioned actors as lines.
  var dated = data.summary.filter(function (r) { return r.period !== 'all'; });
  var periods = Array.from(new Set(dated.map(function (r) { return r.period; }))).sort();
  var topActors = actors.slice(0, 6);
  outlets.slice(0, MAX_PANELS).forEach(function (outlet) {
    if (periods.length === 0) { return; }
    var rows = dated.filter(function (r) { return r.outlet === outlet; });
    draw(panel('voice', outlet), {
      type: 'line',
      data: {
        labels: periods,
        datasets: topActors.map(function (actor, i) {
          return {
            label: actor, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
            data: periods.map(function (p) {
              var hit = rows.find(function (r) { return r.period === p && r.actorId === actor; });
              return hit ? hit.shareOfVoice : 0;
            })
          };
        })
      },
      options: { scales: { y: { min: 0, title: { display: true, text: 'share of mentions' } } } }
    });
  });
  if (periods.length === 0) { empty('voice', 'No dated mentions.'); }

  // 3. Top framing terms per outlet (context words), across actors.
  var termsByOutlet = groupBy(data.terms, 'outlet');
  Object.keys(termsByOutlet).sort().slice(0, MAX_PANELS).forEach(function (outlet) {
    var rows = termsByOutlet[outlet].slice().sort(function (a, b) { return b.z - a.z; }).slice(0, 12);
    draw(panel('framing', outlet), {
      type: 'bar',
      data: {
        labels: rows.map(function (r) { return r.term + ' (' + r.actorId + ')'; }),
        datasets: [{ label: 'z-score', data: rows.map(function (r) { return r.z; }), backgroundColor: '#dc3912' }]
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } },
        scales: { x: { title: { display: true, text: 'z-score' } } } }
    });
  });
  if (data.terms.length === 0) { empty('framing', 'No framing terms.'); }

  // 4. Quote share: stacked bars, one per outlet.
  var quoted = actors.filter(function (a) {
    return byActor[a].some(function (r) { return r.quotesSpoken > 0; });
  }).slice(0, 10);
  if (quoted.length > 0) {
    var shown = outlets.slice(0, 24);
    draw(panel('quotes', 'Share of quotes by speaker'), {
      type: 'bar',
      data: {
        labels: shown,
        datasets: quoted.map(function (actor, i) {
          return {
            label: actor, backgroundColor: palette[i % palette.length],
            data: shown.map(function (outlet) {
              var hit = byOutlet[outlet].find(function (r) { return r.actorId === actor; });
              return hit && hit.shareOfQuotes !== null ? hit.shareOfQuotes : 0;
            })
          };
        })
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, max: 1, title: { display: true, text: 'share of the outlet\u2019s quotes' } },
        y: { stacked: true } } }
    });
  } else {
    empty('quotes', 'No quote was attributed to a tracked actor.');
  }

  document.body.setAttribute('data-charts', String(charts));
}());
