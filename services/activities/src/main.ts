import '@ishc/observability/register';
import { bootstrapService } from '@ishc/platform';
import { ActivitiesModule } from './app.module';

bootstrapService({ service: 'activities', module: ActivitiesModule });
