import '@ishc/observability/register';
import { bootstrapService } from '@ishc/platform';
import { RegistryModule } from './app.module';

bootstrapService({ service: 'registry', module: RegistryModule });
