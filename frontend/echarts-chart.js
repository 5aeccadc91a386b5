import * as echarts from 'echarts';

/**
 * <echarts-chart>: draws the ECharts option set by the server (JSON in the "option" property). The element is an
 * image to assistive technology (role and label are set by the server, with a text alternative beside it).
 * Animation is off when the viewer asks for reduced motion.
 */
class EchartsChart extends HTMLElement {
  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    this._chart = echarts.init(this, null, { renderer: 'canvas' });
    if (this._option) this._apply();
    this._ro = new ResizeObserver(() => this._chart && this._chart.resize());
    this._ro.observe(this);
  }

  disconnectedCallback() {
    if (this._ro) this._ro.disconnect();
    if (this._chart) { this._chart.dispose(); this._chart = null; }
  }

  set option(json) { this._option = json; this._apply(); }
  get option() { return this._option; }

  /** The chart as a PNG data URL (white background), for saving a board into the workshop record. */
  toPng() {
    if (!this._chart) return null;
    return this._chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  }

  _apply() {
    if (!this._chart || !this._option) return;
    const option = JSON.parse(this._option);
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      option.animation = false;
    }
    this._chart.setOption(option, true);
    this.setAttribute('data-rendered', 'true');
  }
}

if (!customElements.get('echarts-chart')) {
  customElements.define('echarts-chart', EchartsChart);
}
