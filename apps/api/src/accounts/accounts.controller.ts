import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { PageQuery } from '../common/page-query';
import { said } from '../common/validation';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

export class ListUsersQuery extends PageQuery {
  @IsOptional()
  @IsString(said('regency must be text', 'Kabupaten/Kota harus berupa teks'))
  @Matches(/^(\*|[a-z][a-z0-9-]*)$/, said('regency is an SOP id such as "metro", or *', 'Kabupaten/Kota ditulis sebagai id SOP seperti "metro", atau *'))
  regency?: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function checkUsername(username: string): string {
  if (!USERNAME.test(username))
    throw new BadInputException('not a username', [
      {
        field: 'username',
        message: 'a username is lower-case letters, digits, dots, dashes or underscores',
        messageId: 'nama pengguna terdiri atas huruf kecil, angka, titik, tanda hubung atau garis bawah',
      },
    ]);
  return username;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/admin/users')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'The accounts an administrator manages (a regency’s, or all for a platform administrator)' })
  list(@CurrentUser() admin: Principal, @Query() q: ListUsersQuery) {
    return this.accounts.list(admin, q.regency, q.page ?? 1, q.pageSize ?? 50);
  }

  @Post()
  @ApiOperation({ summary: 'Create an account: lanes checked against the regency’s SOP; 409 when the username is taken' })
  create(@CurrentUser() admin: Principal, @Body() body: CreateUserDto) {
    return this.accounts.create(admin, body);
  }

  @Patch(':username')
  @ApiOperation({ summary: 'Change an account’s name, lanes or permissions, or disable/enable it (its open sessions end)' })
  update(@CurrentUser() admin: Principal, @Param('username') username: string, @Body() body: UpdateUserDto) {
    return this.accounts.update(admin, checkUsername(username), body);
  }

  @Put(':username/password')
  @ApiOperation({ summary: 'Reset an account’s password (its open sessions end)' })
  reset(@CurrentUser() admin: Principal, @Param('username') username: string, @Body() body: ResetPasswordDto) {
    return this.accounts.resetPassword(admin, checkUsername(username), body.password);
  }

  @Post(':username/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a login lockout after repeated wrong passwords' })
  unlock(@CurrentUser() admin: Principal, @Param('username') username: string) {
    return this.accounts.unlock(admin, checkUsername(username));
  }
}
