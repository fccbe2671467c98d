import { LightningElement, api } from 'lwc';
import ATTAINMENT from '@salesforce/label/c.SalesOps_Widget_Attainment';
import DEAL_HEALTH from '@salesforce/label/c.SalesOps_Widget_Deal_Health';
import FORECAST from '@salesforce/label/c.SalesOps_Widget_Forecast';
import LEADERBOARD from '@salesforce/label/c.SalesOps_Widget_Leaderboard';
import TERRITORY_COVERAGE from '@salesforce/label/c.SalesOps_Widget_Territory_Coverage';
import VIEW_RESULTS from '@salesforce/label/c.SalesOps_Widget_View_Results';
import { frameHeightOf, isVisualforceOrigin } from './frameHeight';

/** Each widget: its Visualforce page, card title and icon, and the stored results the footer links to. */
const WIDGETS = {
  attainment: {
    page: 'SalesOpsAttainment',
    title: ATTAINMENT,
    icon: 'standard:goals',
    results: 'SalesOps_Rep_Scorecard__c',
  },
  leaderboard: {
    page: 'SalesOpsLeaderboard',
    title: LEADERBOARD,
    icon: 'standard:metrics',
    results: 'SalesOps_Rep_Scorecard__c',
  },
  forecast: { page: 'SalesOpsForecast', title: FORECAST, icon: 'standard:forecasts', results: 'SalesOps_Forecast__c' },
  'territory-coverage': {
    page: 'SalesOpsTerritoryCoverage',
    title: TERRITORY_COVERAGE,
    icon: 'standard:territory',
    results: 'SalesOps_Territory_Coverage__c',
  },
  'deal-health': { page: 'SalesOpsDealHealth', title: DEAL_HEALTH, icon: 'standard:opportunity', results: null },
};

/** Before the page has reported its height: about one skeleton card, so the page does not jump much. */
const INITIAL_HEIGHT = 320;

/**
 * Hosts one SalesOps widget (its Visualforce page, in an iframe) in a Lightning card, for App Builder on record,
 * home and app pages. The frame takes the height the page reports through an origin-checked postMessage, so
 * nothing scrolls inside it.
 */
export default class SalesopsWidget extends LightningElement {
  /** Which widget (attainment, leaderboard, forecast, territory-coverage, deal-health). */
  @api widget = 'attainment';
  /** Period spec passed to the widget (current, next, FY2027-Q4, …); empty: the current period. */
  @api period;
  /** Scope of the forecast widget (rep, team, territory, org). */
  @api scope = 'rep';
  /** Leaderboard: show peers as anonymised ranks. */
  @api anonymise = false;
  /** Set by record pages. */
  @api recordId;

  frameHeight = INITIAL_HEIGHT;
  handleMessage = (event) => {
    const frame = this.refs.frame;
    const height = frameHeightOf(event, frame?.contentWindow, (origin) =>
      isVisualforceOrigin(origin, window.location.hostname),
    );
    if (height !== null) this.frameHeight = height;
  };

  connectedCallback() {
    window.addEventListener('message', this.handleMessage);
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.handleMessage);
  }

  get config() {
    return WIDGETS[this.widget] ?? WIDGETS.attainment;
  }

  get title() {
    return this.config.title;
  }

  get iconName() {
    return this.config.icon;
  }

  get frameUrl() {
    // embedded: the card draws the header, so the page hides the element's own.
    const params = new URLSearchParams({ embedded: '1' });
    if (this.recordId) params.set('id', this.recordId);
    if (this.period) params.set('period', this.period);
    if (this.scope) params.set('scope', this.scope);
    if (this.anonymise) params.set('anonymise', '1');
    return `/apex/${this.config.page}?${params}`;
  }

  get frameStyle() {
    return `height: ${this.frameHeight}px;`;
  }

  get resultsUrl() {
    return this.config.results ? `/lightning/o/${this.config.results}/list` : null;
  }

  get viewResultsLabel() {
    return VIEW_RESULTS;
  }
}
