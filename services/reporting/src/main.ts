import '@ishc/observability/register';
import { bootstrapService } from '@ishc/platform';
import { ReportingModule } from './app.module';

bootstrapService({ service: 'reporting', module: ReportingModule });
