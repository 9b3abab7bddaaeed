import '@ishc/observability/register';
import { bootstrapService } from '@ishc/platform';
import { MicrofinanceModule } from './app.module';

bootstrapService({ service: 'microfinance', module: MicrofinanceModule });
