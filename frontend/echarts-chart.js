import * as echarts from 'echarts';

/**
 * <echarts-chart>: draws the ECharts option set by the server (JSON in the "option" property). The element is an
 * image to assistive technology (role and label are set by the server, with a text alternative beside it).
 * Animation is off when the viewer asks for reduced motion.
 */
class EchartsChart extends HTMLElement {
  connectedCallback() {
    if (this._disposal) {
      // moved within the page (the server re-added it): keep the chart as drawn
      clearTimeout(this._disposal);
      this._disposal = null;
      return;
    }
    if (!this.style.display) this.style.display = 'block';
    this._chart = echarts.init(this, null, { renderer: 'canvas' });
    if (this._option) this._apply();
    this._ro = new ResizeObserver(() => this._chart && this._chart.resize());
    this._ro.observe(this);
  }

  disconnectedCallback() {
    // dispose only if it stays out of the page: a move is a disconnect followed at once by a connect
    this._disposal = setTimeout(() => {
      this._disposal = null;
      if (this._ro) this._ro.disconnect();
      if (this._frame) { cancelAnimationFrame(this._frame); this._frame = null; }
      if (this._chart) { this._chart.dispose(); this._chart = null; }
    }, 0);
  }

  set option(json) {
    if (json === this._option) return;
    this._option = json;
    // drawn in the next frame, where the chart paints anyway: the task that brought the new option (a board's push
    // message, with the figures beside the chart) ends without the chart's own work, and several options in one
    // frame (a burst of answers) are laid out once
    if (this._chart && !this._frame) {
      this._frame = requestAnimationFrame(() => {
        this._frame = null;
        this._apply();
      });
    }
  }
  get option() { return this._option; }

  /** The chart as a PNG data URL (white background), for saving a board into the workshop record. */
  toPng() {
    if (this._frame) {
      cancelAnimationFrame(this._frame);
      this._frame = null;
      this._apply();
    }
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
