// @vitest-environment node
// The exchange-rate texts live beside the feature and are merged into the common ones
// (src/i18n/index.ts): the same rules as src/i18n/i18n.test.ts apply to them.
import { describeDateRefusals } from '../../../i18n/date-refusals.testing';
import { describeFeatureTexts } from '../../../i18n/feature-texts.testing';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

describeFeatureTexts('rates', { cs, sk, en });

describeDateRefusals('rates', { invalid_date: ['day', 'querystring.from', 'querystring.to'], invalid_range: ['querystring.to'] });
