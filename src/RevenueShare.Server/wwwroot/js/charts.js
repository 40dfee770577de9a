// Draws every chart of a page. The Content Security Policy forbids inline script, so a page carries
// data, never code: an element <div class="chart" data-chart="ID"></div> names a block
// <script type="application/json" id="ID">{ a full ECharts option }</script>, read here.
// ECharts' aria option is always on (screen readers get a description); SVG renders crisply in print.
(function () {
    'use strict';

    function draw(element) {
        var source = document.getElementById(element.getAttribute('data-chart'));
        if (!source) {
            console.error('charts.js: no JSON block #' + element.getAttribute('data-chart'));
            return;
        }

        var option = JSON.parse(source.textContent);
        option.aria = Object.assign({}, option.aria, { enabled: true });
        var chart = echarts.init(element, null, { renderer: 'svg', locale: 'ZH' });
        chart.setOption(option);
        window.addEventListener('resize', function () { chart.resize(); });
        element.setAttribute('data-chart-drawn', 'true');
    }

    function drawAll() {
        document.querySelectorAll('[data-chart]').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
}());
