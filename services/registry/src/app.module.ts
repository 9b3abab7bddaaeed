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
import { RegistrySchema } from './shared/registry-schema.provider';

/** The registry: org units on a dated hierarchy, clubs (members and memberships come next). */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService()],
  controllers: [DefineOrgUnitController, GetOrgUnitController, EstablishClubController, GetClubController],
  providers: [
    Clock,
    RegistrySchema,
    { provide: ORG_UNIT_SCOPE, useClass: RegistryOrgUnitScope },
    DefineOrgUnitHandler,
    EstablishClubHandler,
  ],
})
export class RegistryModule {}
