package com.rostra.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/** Users who sign in to the pages; created by the company through its API key. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Company settings")
class UsersController {

    private final Users users;
    private final CurrentCompany currentCompany;

    UsersController(Users users, CurrentCompany currentCompany) {
        this.users = users;
        this.currentCompany = currentCompany;
    }

    record CreateUserRequest(@NotBlank @Email @Size(max = 320) String email,
                             @NotBlank @Size(max = 200) String name,
                             @NotBlank @Pattern(regexp = "admin|manager|agent", message = "must be admin, manager or agent") String role,
                             @NotBlank @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password) {}

    record UserView(long id, String email, String name, String role, Instant createdAt) {}

    @Operation(summary = "Add a user",
            description = "Body `{email, name, role, password}`; role is admin, manager or agent; the password 10 to 200 characters. 201 with the user (never the password); 400 naming the field; 409 when the email is taken.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@Valid @RequestBody CreateUserRequest request) {
        return view(users.create(currentCompany.id(), request.email(), request.name(), Role.fromWire(request.role()),
                request.password()));
    }

    @Operation(summary = "List users",
            description = "The company's users with their roles.")
    @GetMapping
    List<UserView> list() {
        return users.list(currentCompany.id()).stream().map(UsersController::view).toList();
    }

    private static UserView view(Users.User u) {
        return new UserView(u.id(), u.email(), u.name(), u.role().wireName(), u.createdAt());
    }
}
