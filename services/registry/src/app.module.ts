import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { EstablishClubController } from './clubs/establish-club/establish-club.http.controller';
import { EstablishClubHandler } from './clubs/establish-club/establish-club.handler';
import { GetClubController } from './clubs/get-club/get-club.http.controller';
import { DefineOrgUnitController } from './org-units/define-org-unit/define-org-unit.http.controller';
import { DefineOrgUnitHandler } from './org-units/define-org-unit/define-org-unit.handler';
import { GetOrgUnitController } from './org-units/get-org-unit/get-org-unit.http.controller';
import { RegistryOrgUnitScope } from './org-units/org-unit-scope.resolver';
import { ApplyOrgUnitChangesController } from './org-units/apply-org-unit-changes/apply-org-unit-changes.http.controller';
import { ApplyOrgUnitChangesHandler } from './org-units/apply-org-unit-changes/apply-org-unit-changes.handler';
import { ReferenceDataImport } from './reference-data/reference-data.import';
import { RegistrySchema } from './shared/registry-schema.provider';

/** The registry: org units on a dated hierarchy with reforms (reference data imported on start), clubs (members and memberships come next). */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService()],
  controllers: [DefineOrgUnitController, GetOrgUnitController, ApplyOrgUnitChangesController, EstablishClubController, GetClubController],
  providers: [
    Clock,
    RegistrySchema,
    { provide: ORG_UNIT_SCOPE, useClass: RegistryOrgUnitScope },
    DefineOrgUnitHandler,
    ApplyOrgUnitChangesHandler,
    EstablishClubHandler,
    ReferenceDataImport,
  ],
})
export class RegistryModule {}
