import { Body, Controller, Get, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { RetryAfterHeader } from '../common/rate-limit';
import { AuthGuard, CurrentUser } from './auth.guard';
import { AuthService } from './auth.service';
import type { Principal } from './principal';

export class LoginDto {
  @ApiProperty({ example: 'metro.petugas' })
  @IsString({ message: 'username must be text' })
  @MinLength(1, { message: 'username must not be empty' })
  @MaxLength(100, { message: 'username is at most 100 characters' })
  username: string;

  @ApiProperty({ example: 'demo-sop-2026' })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(200, { message: 'password is at most 200 characters' })
  password: string;
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @UseInterceptors(RetryAfterHeader)
  @ApiOperation({ summary: 'Log in; returns a bearer token' })
  @ApiResponse({ status: 401, description: 'wrong username or password' })
  @ApiResponse({
    status: 429,
    description:
      'too many failed log-ins from this address, or for this username (locked for a while, doubling with each further failure; the same for a name with no account); Retry-After says when to try again',
  })
  @ApiResponse({ status: 503, description: 'the server is busy checking other log-ins; Retry-After' })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user with their regency and lanes' })
  me(@CurrentUser() user: Principal) {
    return user;
  }
}
